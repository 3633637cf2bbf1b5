"""Starting, answering and finishing attempts.

The attempt row is locked (`select_for_update`) before every write and its state re-checked, so a double
click, two tabs or two app servers cannot record two answers to one question or count a score twice.
An attempt is finished only when the student presses Finish or the assignment closes: answering the last
question does not finish it (a student may still be reading); results pages can be shown either way.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Sum
from django.http import Http404
from django.utils import timezone

from quizzes.board_cache import board_version_bump
from quizzes.models import (
    Assignment,
    AssignmentQuestion,
    Attempt,
    Enrollment,
    Response,
    StudentOverride,
)
from quizzes.services import messages
from quizzes.services.answers import graded_answer
from quizzes.services.assignments import assignments_close_due


@dataclass(frozen=True)
class SubmitResult:
    response: Response
    created: bool
    attempt: Attempt


def _override(assignment_id: int, student_id: int) -> StudentOverride | None:
    return StudentOverride.objects.filter(assignment_id=assignment_id, student_id=student_id).first()


def _deadline(assignment: Assignment, override: StudentOverride | None) -> dt.datetime | None:
    if override is not None and override.closes_at is not None:
        return override.closes_at
    return assignment.closes_at


@transaction.atomic
def attempt_start(
    *, assignment: Assignment, student: AbstractUser, now: dt.datetime | None = None
) -> Attempt:
    """Resume the student's open attempt, or start the next one if attempts remain."""
    now = now or timezone.now()
    if not Enrollment.objects.filter(classroom_id=assignment.classroom_id, student=student).exists():
        raise ValidationError(messages.NOT_ENROLLED)
    if now < assignment.opens_at:
        raise ValidationError(messages.NOT_OPEN_YET)
    override = _override(assignment.pk, student.pk)
    deadline = _deadline(assignment, override)
    if deadline is not None and now >= deadline:
        assignments_close_due(now=now, assignment=assignment)
        raise ValidationError(messages.CLOSED)
    mine = Attempt.objects.filter(assignment=assignment, student=student)
    open_attempt = mine.filter(finished_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt
    used = mine.aggregate(last=Max("number"))["last"] or 0
    if used >= assignment.attempts_allowed + (override.extra_attempts if override else 0):
        raise ValidationError(messages.NO_ATTEMPTS_LEFT)
    max_score = assignment.items.aggregate(total=Sum("points"))["total"] or 0
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                assignment=assignment, student=student, number=used + 1, started_at=now, max_score=max_score
            )
    except IntegrityError:  # started in another tab a moment ago: resume that one
        return mine.get(finished_at__isnull=True)


def _lock_own_attempt(attempt: Attempt, student: AbstractUser) -> Attempt:
    locked = Attempt.objects.select_for_update().select_related("assignment").filter(pk=attempt.pk).first()
    if locked is None or locked.student_id != student.pk:
        raise PermissionDenied
    return locked


def _close_if_due(attempt: Attempt, now: dt.datetime) -> bool:
    """Finish the attempt at its closing time if that has passed; True when it did."""
    deadline = _deadline(attempt.assignment, _override(attempt.assignment_id, attempt.student_id))
    if deadline is None or now < deadline:
        return False
    attempt.finished_at = deadline
    attempt.save(update_fields=["finished_at"])
    _bump_on_commit(attempt)
    return True


def _bump_on_commit(attempt: Attempt) -> None:
    classroom_id = attempt.assignment.classroom_id
    transaction.on_commit(lambda: board_version_bump(classroom_id=classroom_id))


def _item(attempt: Attempt, question_id) -> AssignmentQuestion:
    try:
        question_id = int(question_id)
    except (TypeError, ValueError):
        raise Http404("No such question in this quiz") from None
    item = (
        AssignmentQuestion.objects.select_related("question")
        .filter(assignment_id=attempt.assignment_id, question_id=question_id)
        .first()
    )
    if item is None:
        raise Http404("No such question in this quiz")
    return item


def response_submit(
    *,
    attempt: Attempt,
    student: AbstractUser,
    question_id: int,
    choice_id: int | None = None,
    answer_text: str = "",
    now: dt.datetime | None = None,
) -> SubmitResult:
    """Record the student's first answer to a question; a repeat returns the first with created=False.

    Refusals: PermissionDenied (not their attempt), Http404 (question not in the quiz), ValidationError with
    ALREADY_FINISHED, CLOSED (the attempt is then finished), CHOICE_NOT_IN_QUESTION, ANSWER_REQUIRED or
    ANSWER_TOO_LONG. Nothing is written on any refusal except finishing a closed attempt.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_own_attempt(attempt, student)
        if locked.finished_at is not None:
            raise ValidationError(messages.ALREADY_FINISHED)
        closed = _close_if_due(locked, now)
        if not closed:
            return _record(locked, question_id, choice_id, answer_text, now)
    # Raised after the block so that finishing the closed attempt is committed, not rolled back.
    raise ValidationError(messages.CLOSED)


def _record(attempt: Attempt, question_id, choice_id, answer_text: str, now: dt.datetime) -> SubmitResult:
    item = _item(attempt, question_id)
    existing = Response.objects.filter(attempt=attempt, question_id=item.question_id).first()
    if existing is not None:
        return SubmitResult(response=existing, created=False, attempt=attempt)
    choice, given, correct = graded_answer(item.question, choice_id, answer_text)
    points = item.points if correct else 0
    try:
        with transaction.atomic():
            response = Response.objects.create(
                attempt=attempt,
                question=item.question,
                choice=choice,
                given_answer=given,
                is_correct=correct,
                points=points,
                answered_at=now,
            )
    except IntegrityError:  # the same answer arrived twice at once and the other one won
        existing = Response.objects.get(attempt=attempt, question_id=item.question_id)
        return SubmitResult(response=existing, created=False, attempt=attempt)
    if points:
        Attempt.objects.filter(pk=attempt.pk).update(score=F("score") + points)
        attempt.refresh_from_db(fields=["score"])
    _bump_on_commit(attempt)
    return SubmitResult(response=response, created=True, attempt=attempt)


@transaction.atomic
def attempt_finish(*, attempt: Attempt, student: AbstractUser, now: dt.datetime | None = None) -> Attempt:
    """Finish the attempt; finishing twice changes nothing. After the deadline the closing time is kept."""
    now = now or timezone.now()
    locked = _lock_own_attempt(attempt, student)
    if locked.finished_at is not None:
        return locked
    if not _close_if_due(locked, now):
        locked.finished_at = now
        locked.save(update_fields=["finished_at"])
        _bump_on_commit(locked)
    return locked
