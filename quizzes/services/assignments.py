"""Assigning an article's approved questions to a class, overrides, closing due assignments, and a teacher
closing assignments now."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.contrib import messages as django_messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from articles.models import Article
from quizzes.board_cache import board_version_bump
from quizzes.models import (
    Assignment,
    AssignmentQuestion,
    Attempt,
    Classroom,
    Enrollment,
    Question,
    StudentOverride,
)
from quizzes.services import messages
from quizzes.services.right_choice import lacking_choices, named


def _snapshot_questions(article: Article, questions: list[Question] | None) -> list[Question]:
    approved = article.questions.filter(status=Question.Status.APPROVED).order_by("position", "id")
    if questions is None:
        return list(approved)
    approved_ids = set(approved.values_list("pk", flat=True))
    if any(q.pk not in approved_ids for q in questions):
        raise ValidationError(messages.ASSIGNMENT_QUESTION_NOT_APPROVED)
    return list(questions)


def _refuse_lacking_choices(chosen: list[Question]) -> None:
    # Approved before choices were required: students would meet a question they cannot answer.
    lacking = lacking_choices(Question.objects.filter(pk__in=[q.pk for q in chosen]))
    if lacking:
        raise ValidationError(messages.ASSIGNMENT_QUESTION_LACKS_CHOICES.format(questions=named(lacking)))


@transaction.atomic
def assignment_create(
    *,
    classroom: Classroom,
    article: Article,
    opens_at: dt.datetime,
    closes_at: dt.datetime | None = None,
    title: str = "",
    attempts_allowed: int = 1,
    reveal: str = Assignment.Reveal.AFTER_EACH,
    shuffle_choices: bool = True,
    show_leaderboard: bool = True,
    questions: list[Question] | None = None,
) -> Assignment:
    """Assign a fixed, ordered snapshot of the article's approved questions (or the approved ones given)."""
    if closes_at is not None and closes_at <= opens_at:
        raise ValidationError(messages.ASSIGNMENT_CLOSES_BEFORE_OPENING)
    chosen = _snapshot_questions(article, questions)
    if not chosen:
        raise ValidationError(messages.ASSIGNMENT_NO_APPROVED_QUESTIONS)
    _refuse_lacking_choices(chosen)
    assignment = Assignment(
        classroom=classroom,
        article=article,
        title=(title or "").strip() or article.title,
        opens_at=opens_at,
        closes_at=closes_at,
        attempts_allowed=attempts_allowed,
        reveal=reveal,
        shuffle_choices=shuffle_choices,
        show_leaderboard=show_leaderboard,
    )
    assignment.full_clean()
    assignment.save()
    AssignmentQuestion.objects.bulk_create(
        AssignmentQuestion(assignment=assignment, question=q, position=i)
        for i, q in enumerate(chosen, start=1)
    )
    # The class board's "out of" grows with every assignment: cached boards must be redrawn.
    transaction.on_commit(lambda: board_version_bump(classroom_id=classroom.pk))
    return assignment


@transaction.atomic
def override_grant(
    *,
    assignment: Assignment,
    student: User,
    closes_at: dt.datetime | None = None,
    extra_attempts: int = 0,
) -> StudentOverride:
    """Give one student a personal closing time and/or extra attempts (replacing any earlier override)."""
    if not Enrollment.objects.filter(classroom_id=assignment.classroom_id, student=student).exists():
        raise ValidationError(messages.OVERRIDE_NOT_ENROLLED)
    if closes_at is not None and closes_at <= assignment.opens_at:
        raise ValidationError(messages.ASSIGNMENT_CLOSES_BEFORE_OPENING)
    override, _ = StudentOverride.objects.update_or_create(
        assignment=assignment,
        student=student,
        defaults={"closes_at": closes_at, "extra_attempts": extra_attempts},
    )
    transaction.on_commit(lambda: board_version_bump(classroom_id=assignment.classroom_id))
    return override


def effective_deadline():
    """SQL for an attempt's closing time: the student's override if set, else the assignment's."""
    personal = StudentOverride.objects.filter(assignment=OuterRef("assignment"), student=OuterRef("student"))
    general = Assignment.objects.filter(pk=OuterRef("assignment"))
    return Coalesce(Subquery(personal.values("closes_at")[:1]), Subquery(general.values("closes_at")[:1]))


def assignments_close_due(
    *,
    now: dt.datetime | None = None,
    assignment: Assignment | None = None,
    student: User | None = None,
    teacher: User | None = None,
) -> int:
    """Finish unfinished attempts whose closing time has passed, keeping what was answered.

    finished_at is the closing time itself (not when we noticed), so time-based tie breaks stay fair. Called
    lazily by attempt_start, response_submit and the selectors (for one assignment, student or teacher's
    classes), and for all by `manage.py close_due_assignments`, so no scheduler is strictly needed.
    """
    now = now or timezone.now()
    open_attempts = Attempt.objects.filter(finished_at__isnull=True)
    if assignment is not None:
        open_attempts = open_attempts.filter(assignment=assignment)
    if student is not None:
        open_attempts = open_attempts.filter(student=student)
    if teacher is not None:
        open_attempts = open_attempts.filter(assignment__classroom__teacher=teacher)
    due = open_attempts.annotate(deadline=effective_deadline()).filter(deadline__lte=now)
    rows = list(due.values_list("pk", "assignment__classroom_id"))
    if not rows:  # the usual case, on every page view: one query and no transaction
        return 0
    with transaction.atomic():
        count = Attempt.objects.filter(pk__in=[pk for pk, _ in rows], finished_at__isnull=True).update(
            finished_at=Least(effective_deadline(), now)
        )
        for classroom_id in {classroom_id for _, classroom_id in rows}:
            transaction.on_commit(partial(board_version_bump, classroom_id=classroom_id))
    return count


@dataclass(frozen=True)
class ClosedNow:
    """What `assignments_close_now` did with each assignment it was given."""

    closed: list[Assignment]
    already_closed: list[Assignment]
    not_open_yet: list[Assignment]
    extensions_ended: int
    attempts_finished: int

    def notices(self) -> list[tuple[int, str]]:
        """(message level, text) to tell the teacher, for the admin action and the dashboard alike."""
        notices = []
        if self.closed:
            done = [messages.CLOSED_NOW.format(quizzes=_named(self.closed))]
            if self.attempts_finished:
                done.append(messages.CLOSED_NOW_ATTEMPTS_FINISHED.format(count=self.attempts_finished))
            if self.extensions_ended:
                done.append(messages.CLOSED_NOW_EXTENSIONS_ENDED.format(count=self.extensions_ended))
            notices.append((django_messages.SUCCESS, " ".join(done)))
        if self.already_closed:
            text = messages.CLOSE_NOW_ALREADY_CLOSED.format(quizzes=_named(self.already_closed))
            notices.append((django_messages.INFO, text))
        if self.not_open_yet:
            text = messages.CLOSE_NOW_NOT_OPEN_YET.format(quizzes=_named(self.not_open_yet))
            notices.append((django_messages.WARNING, text))
        return notices


def _named(assignments: list[Assignment]) -> str:
    # With the class: one article is often set to several classes under the same title.
    return ", ".join(f"“{assignment.title}” ({assignment.classroom.name})" for assignment in assignments)


@transaction.atomic
def assignments_close_now(*, assignments: Iterable[Assignment], now: dt.datetime | None = None) -> ClosedNow:
    """Close each assignment for everyone now, as a teacher ending a quiz in class expects.

    An open one closes now. Extensions running past now end now too (a closed quiz that a student could
    still answer is not closed), and every unfinished attempt is finished at that time, scored on what was
    answered. One not yet open is left alone: closing it would mean moving its opening time, and a teacher
    who wants it gone can delete it or change that time. One already closed for everyone is left as it was,
    so pressing twice is harmless.
    """
    ids = sorted({assignment.pk for assignment in assignments})
    # Locked and read again: a second click, or another tab, sees the first close rather than the row its
    # page showed.
    locked = list(
        Assignment.objects.select_for_update(of=("self",))
        .select_related("classroom")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    now = now or timezone.now()  # after the lock, so the closing time is never before an earlier close
    running = StudentOverride.objects.filter(assignment_id__in=ids, closes_at__gt=now)
    extended = set(running.values_list("assignment_id", flat=True))
    closed: list[Assignment] = []
    already_closed: list[Assignment] = []
    not_open_yet: list[Assignment] = []
    for assignment in locked:
        closed_for_class = assignment.closes_at is not None and assignment.closes_at <= now
        if assignment.opens_at >= now:  # equal: nobody could have started, and closes_at must be later
            not_open_yet.append(assignment)
        elif closed_for_class and assignment.pk not in extended:
            already_closed.append(assignment)
        else:
            if not closed_for_class:  # else only extensions were running, and they end below
                _close(assignment, now)
            closed.append(assignment)
    # Ended at now, not cleared: a cleared one falls back to a closing time in the past, and the attempt
    # it kept open would be finished before its last answers, shortening its time on the board.
    ended = running.filter(assignment__in=closed).update(closes_at=now)
    finished = sum(assignments_close_due(now=now, assignment=assignment) for assignment in closed)
    for classroom_id in {assignment.classroom_id for assignment in closed}:
        # Even with no attempt finished, students' dashboards (and their ETags) now show it closed.
        transaction.on_commit(partial(board_version_bump, classroom_id=classroom_id))
    return ClosedNow(closed, already_closed, not_open_yet, extensions_ended=ended, attempts_finished=finished)


def _close(assignment: Assignment, now: dt.datetime) -> None:
    assignment.closes_at = now
    assignment.full_clean()
    # save(), not update(): its post_save drops the class's kept poll state (quizzes/apps.py).
    assignment.save(update_fields=["closes_at", "updated_at"])
