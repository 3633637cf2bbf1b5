"""A student's own view: the dashboard of assignments, one attempt and its progress."""

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db import connection
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from quizzes.models import Assignment, AssignmentQuestion, Attempt, ContentVersion, Response, StudentOverride
from quizzes.selectors import rows
from quizzes.selectors.quiz_items import assignment_items
from quizzes.selectors.types import AttemptState, DashboardRow
from quizzes.services.assignments import assignments_close_due


def _dashboard_queryset(student: AbstractUser):
    mine = Q(attempts__student=student)
    override = StudentOverride.objects.filter(assignment=OuterRef("pk"), student=student)
    points = (
        AssignmentQuestion.objects.filter(assignment=OuterRef("pk"))
        .values("assignment")
        .annotate(t=Sum("points"))
    )
    return (
        Assignment.objects.filter(classroom__enrollments__student=student)
        .select_related("classroom")
        .annotate(
            best_score=Max("attempts__score", filter=mine & Q(attempts__finished_at__isnull=False)),
            attempts_used=Count("attempts", filter=mine),
            open_attempt_id=Max("attempts__id", filter=mine & Q(attempts__finished_at__isnull=True)),
            total_points=Coalesce(Subquery(points.values("t")), Value(0), output_field=IntegerField()),
            extra_attempts=Coalesce(Subquery(override.values("extra_attempts")[:1]), Value(0)),
            personal_closes_at=Subquery(override.values("closes_at")[:1]),
        )
        .order_by("-opens_at", "-id")
    )


def _status(a: Assignment, allowed: int, closes_at: dt.datetime | None, now: dt.datetime) -> str:
    if now < a.opens_at:
        return "upcoming"
    if a.open_attempt_id:
        return "in progress"
    if closes_at is not None and now >= closes_at:
        return "closed"
    return "finished" if a.attempts_used >= allowed else "open"


def student_dashboard(*, student: AbstractUser, now: dt.datetime | None = None) -> list[DashboardRow]:
    """Every assignment of every class the student is in, newest first, with status and best score."""
    now = now or timezone.now()
    assignments_close_due(now=now, student=student)
    rows = []
    for a in _dashboard_queryset(student):
        allowed = a.attempts_allowed + a.extra_attempts
        closes_at = a.personal_closes_at or a.closes_at
        rows.append(
            DashboardRow(
                assignment=a,
                classroom=a.classroom,
                status=_status(a, allowed, closes_at, now),
                best_score=a.best_score,
                max_score=a.total_points,
                attempts_used=a.attempts_used,
                attempts_allowed=allowed,
                open_attempt_id=a.open_attempt_id,
                closes_at=closes_at,
            )
        )
    return rows


def attempt_for_student(*, attempt_id, student: AbstractUser, with_article: bool = True) -> Attempt:
    """The student's own attempt; 404 for anyone else's (no hint that it exists).

    The assignment, the student's personal closing time and the content token (selectors/quiz_items.py)
    come in the same query. `with_article=False` (answers and "next question") leaves the class and the
    article (its whole text) to be read only if they are used, and reads the row with plain SQL."""
    try:
        attempt_id = int(attempt_id)
    except (TypeError, ValueError):
        raise Http404("No such attempt") from None
    if student.pk is None:
        raise Http404("No such attempt")
    attempt = (
        _attempt_row(attempt_id, student.pk)
        if not with_article
        else _attempt_with_article(attempt_id, student)
    )
    if attempt is None:
        raise Http404("No such attempt")
    return attempt


def _attempt_with_article(attempt_id: int, student: AbstractUser) -> Attempt | None:
    override = StudentOverride.objects.filter(assignment=OuterRef("assignment"), student=OuterRef("student"))
    token = ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_ID).values("token")
    return (
        Attempt.objects.select_related("assignment__classroom", "assignment__article")
        .annotate(
            personal_closes_at=Subquery(override.values("closes_at")[:1]), content_token=Subquery(token)
        )
        .filter(pk=attempt_id, student_id=student.pk)
        .first()
    )


def _attempt_row(attempt_id: int, student_id: int) -> Attempt | None:
    # Table and column names are our models' own; the ids are parameters.
    sql = (
        f"SELECT {rows.columns(Attempt, 't')}, {rows.columns(Assignment, 'a')}, "  # noqa: S608  # nosec B608
        f"(SELECT o.closes_at FROM {StudentOverride._meta.db_table} o "
        "WHERE o.assignment_id = t.assignment_id AND o.student_id = t.student_id), "
        f"(SELECT v.token FROM {ContentVersion._meta.db_table} v WHERE v.id = %s) "
        f"FROM {Attempt._meta.db_table} t JOIN {Assignment._meta.db_table} a ON a.id = t.assignment_id "
        "WHERE t.id = %s AND t.student_id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ContentVersion.SINGLETON_ID, attempt_id, student_id])
        row = cursor.fetchone()
    if row is None:
        return None
    attempt = rows.instance(Attempt, row)
    assignment = rows.instance(Assignment, row, rows.width(Attempt))
    Attempt.assignment.field.set_cached_value(attempt, assignment)
    extras = rows.width(Attempt) + rows.width(Assignment)
    attempt.personal_closes_at = rows.converted(StudentOverride._meta.get_field("closes_at"), row[extras])
    attempt.content_token = row[extras + 1]
    return attempt


def attempt_deadline(attempt: Attempt) -> dt.datetime | None:
    """The attempt's closing time: the student's extension if any, else the assignment's."""
    if not hasattr(attempt, "personal_closes_at"):  # not loaded by attempt_for_student: ask once
        override = StudentOverride.objects.filter(
            assignment_id=attempt.assignment_id, student_id=attempt.student_id
        ).first()
        attempt.personal_closes_at = override.closes_at if override else None
    return attempt.personal_closes_at or attempt.assignment.closes_at


def attempt_state(*, attempt: Attempt, now: dt.datetime | None = None) -> AttemptState:
    """Items in order (questions and choices prefetched), answers so far, the next unanswered item."""
    deadline = attempt_deadline(attempt) if attempt.finished_at is None else None
    # Close lazily, and only when this attempt is due: the usual answer costs no closing query at all.
    if deadline is not None and (now or timezone.now()) >= deadline:
        if assignments_close_due(assignment=attempt.assignment, now=now):
            attempt.refresh_from_db(fields=["finished_at"])
    items = assignment_items(attempt.assignment_id, getattr(attempt, "content_token", None))
    return _state(attempt, items, _answered(attempt.pk, items))


def _answered(attempt_id: int, items: list[AssignmentQuestion]) -> dict[int, Response]:
    """The attempt's responses in the order given, each with its question and choice from `items`."""
    sql = (
        f"SELECT {rows.columns(Response, 'r')} FROM {Response._meta.db_table} r "  # noqa: S608  # nosec B608
        "WHERE r.attempt_id = %s ORDER BY r.answered_at, r.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [attempt_id])
        found = [rows.instance(Response, row) for row in cursor.fetchall()]
    questions = {item.question_id: item.question for item in items}
    choices = {choice.pk: choice for item in items for choice in item.question.choices.all()}
    answered = {}
    for response in found:
        if response.question_id in questions:
            Response.question.field.set_cached_value(response, questions[response.question_id])
        if response.choice_id is None or response.choice_id in choices:
            Response.choice.field.set_cached_value(response, choices.get(response.choice_id))
        answered[response.question_id] = response
    return answered


def attempt_state_with(state: AttemptState, response: Response) -> AttemptState:
    """The state after `response` was saved, built from the one already loaded (no queries)."""
    return _state(state.attempt, state.items, {**state.answered, response.question_id: response})


def _state(attempt: Attempt, items: list[AssignmentQuestion], answered: dict[int, Response]) -> AttemptState:
    next_item = next((item for item in items if item.question_id not in answered), None)
    return AttemptState(
        attempt=attempt,
        items=items,
        answered=answered,
        next_item=next_item,
        answered_count=len(answered),
        total=len(items),
    )
