"""Assigning an article's approved questions to a class, overrides, and closing due assignments."""

import datetime as dt
from functools import partial

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
