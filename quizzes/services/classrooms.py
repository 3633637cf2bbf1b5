"""Classrooms, joining them, rosters and the projector link."""

import secrets
import string

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes import throttle
from quizzes.board_cache import board_version_bump, student_classrooms_forget
from quizzes.models import Attempt, Classroom, Enrollment, StudentOverride
from quizzes.services import messages
from quizzes.services.passwords import readable_password
from quizzes.services.roster import Credential, students_bulk_create  # noqa: F401 - re-exported

# No 0/O or 1/I/L: a code read off a projector or a whiteboard cannot be mistyped into another class's code.
JOIN_CODE_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits if c not in "0O1IL")
JOIN_CODE_LENGTH = 7


def _new_join_code() -> str:
    for _ in range(20):
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if not Classroom.objects.filter(join_code=code).exists():
            return code
    raise RuntimeError("Could not find a free join code")  # 31**7 codes: practically unreachable


def normalise_join_code(raw: str) -> str:
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def clean_display_name(raw: str) -> str:
    name = " ".join((raw or "").replace("\x00", "").split())
    if not name:
        raise ValidationError(messages.JOIN_DISPLAY_NAME_REQUIRED)
    if len(name) > messages.DISPLAY_NAME_MAX_LENGTH:
        raise ValidationError(messages.JOIN_DISPLAY_NAME_TOO_LONG)
    return name


def _membership_changed(classroom_id: int, student_id: int) -> None:
    board_version_bump(classroom_id=classroom_id)
    student_classrooms_forget(student_id=student_id)


@transaction.atomic
def classroom_create(*, teacher: User, name: str, board_size: int | None = None) -> Classroom:
    """A new class with its own join code and projector link; the board shows `board_size` rows
    (PASSAGE_LEADERBOARD_TOP when not given)."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(messages.CLASSROOM_NAME_REQUIRED)
    classroom = Classroom(
        teacher=teacher,
        name=name,
        join_code=_new_join_code(),
        board_token=_new_board_token(),
        board_size=settings.PASSAGE_LEADERBOARD_TOP if board_size is None else board_size,
    )
    classroom.full_clean()
    classroom.save()
    return classroom


def classroom_join(*, student: User, join_code: str, display_name: str, client_ip: str = "") -> Enrollment:
    """Enrol `student`; wrong codes count towards a cool-off (see quizzes.throttle).

    Deliberately not atomic as a whole: with the database cache a wrong guess's count is a row written in
    the current transaction, and raising the refusal inside it would roll the count back, so the lock
    would never close. Only the enrolment write is a transaction (`_enrol`).
    """
    _refuse_while_locked(throttle.join_status(user_id=student.pk))
    name = clean_display_name(display_name)
    classroom = Classroom.objects.filter(join_code=normalise_join_code(join_code)).first()
    if classroom is None:
        _refuse_while_locked(throttle.join_failed(user_id=student.pk, client_ip=client_ip))
        raise ValidationError(messages.JOIN_CODE_UNKNOWN)
    throttle.join_succeeded(user_id=student.pk)
    return _enrol(classroom=classroom, student=student, display_name=name)


def _refuse_while_locked(status: throttle.ThrottleStatus) -> None:
    if status.locked:
        raise ValidationError(messages.JOIN_TOO_MANY_GUESSES.format(minutes=status.retry_after_minutes))


@transaction.atomic
def _enrol(*, classroom: Classroom, student: User, display_name: str) -> Enrollment:
    existing = Enrollment.objects.filter(classroom=classroom, student=student).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            enrollment = Enrollment(classroom=classroom, student=student, display_name=display_name)
            enrollment.full_clean(validate_unique=False, validate_constraints=False)
            enrollment.save()
    except IntegrityError:  # the same student joining from two tabs at once
        return Enrollment.objects.get(classroom=classroom, student=student)
    transaction.on_commit(lambda: _membership_changed(classroom.pk, student.pk))
    return enrollment


@transaction.atomic
def enrollment_remove(*, enrollment: Enrollment) -> None:
    """Remove a student from a class, keeping their answers anonymously.

    The attempts stay (student set to NULL) so per-question statistics still add up; the display name goes
    with the enrollment, overrides are deleted, and leaderboards skip anonymous attempts.
    """
    classroom_id, student_id = enrollment.classroom_id, enrollment.student_id
    attempts = Attempt.objects.filter(assignment__classroom_id=classroom_id, student_id=student_id)
    attempts.filter(finished_at__isnull=True).update(finished_at=timezone.now())
    attempts.update(student=None)
    StudentOverride.objects.filter(assignment__classroom_id=classroom_id, student_id=student_id).delete()
    enrollment.delete()
    transaction.on_commit(lambda: _membership_changed(classroom_id, student_id))


@transaction.atomic
def student_password_reset(*, student: User) -> str:
    """Give the student a new readable password (returned once, to show the teacher) and lift any lock."""
    password = readable_password()
    student.set_password(password)
    student.save(update_fields=["password"])
    throttle.throttle_clear(username=student.get_username())
    return password


def _new_board_token() -> str:
    return secrets.token_urlsafe(24)


@transaction.atomic
def board_token_rotate(*, classroom: Classroom) -> str:
    """A new projector link; the old one stops working at once."""
    classroom.board_token = _new_board_token()
    classroom.save(update_fields=["board_token", "updated_at"])
    return classroom.board_token


@transaction.atomic
def board_token_revoke(*, classroom: Classroom) -> None:
    classroom.board_token = None
    classroom.save(update_fields=["board_token", "updated_at"])
