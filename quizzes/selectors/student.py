"""A student's own view: the dashboard of assignments, one attempt and its progress."""

import datetime as dt
from collections.abc import Mapping
from typing import cast

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import IntegerField, Max, Model, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from articles.models import Article
from quizzes.models import (
    Assignment,
    AssignmentQuestion,
    Attempt,
    Classroom,
    ContentVersion,
    Response,
    StudentOverride,
    assignment_phase,
)
from quizzes.selectors import rows
from quizzes.selectors.quiz_items import AssignmentItems, assignment_items
from quizzes.selectors.types import AttemptState, DashboardRow
from quizzes.services.assignments import assignments_close_due


def _dashboard_queryset(student: User):
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
            # The highest attempt number, as starting one counts (answer_sql.start_facts): rows may have been
            # deleted by an admin, and the dashboard must not offer a start that would then be refused.
            attempts_used=Coalesce(Max("attempts__number", filter=mine), Value(0)),
            open_attempt_id=Max("attempts__id", filter=mine & Q(attempts__finished_at__isnull=True)),
            total_points=Coalesce(Subquery(points.values("t")), Value(0), output_field=IntegerField()),
            extra_attempts=Coalesce(Subquery(override.values("extra_attempts")[:1]), Value(0)),
            personal_closes_at=Subquery(override.values("closes_at")[:1]),
        )
        .order_by("-opens_at", "-id")
    )


def _status(*, opens_at, open_attempt_id, used: int, allowed: int, closes_at, now: dt.datetime) -> str:
    phase = assignment_phase(opens_at=opens_at, closes_at=closes_at, now=now)
    if phase == "upcoming":
        return phase
    if open_attempt_id:
        return "in progress"
    if phase == "closed":
        return phase
    return "finished" if used >= allowed else "open"


def student_dashboard(*, student: User, now: dt.datetime | None = None) -> list[DashboardRow]:
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
                status=_status(
                    opens_at=a.opens_at,
                    open_attempt_id=a.open_attempt_id,
                    used=a.attempts_used,
                    allowed=allowed,
                    closes_at=closes_at,
                    now=now,
                ),
                best_score=a.best_score,
                max_score=a.total_points,
                attempts_used=a.attempts_used,
                attempts_allowed=allowed,
                open_attempt_id=a.open_attempt_id,
                closes_at=closes_at,
            )
        )
    return rows


def attempt_for_student(*, attempt_id, student: User, with_article: bool = True) -> Attempt:
    """The student's own attempt; 404 for anyone else's (no hint that it exists).

    The assignment, the student's personal closing time and the content token (selectors/quiz_items.py)
    come in the same query, and with `with_article` the class and the article too. Answers and "next
    question" pass `with_article=False`: they leave the article (its whole text) unread unless used."""
    try:
        attempt_id = int(attempt_id)
    except (TypeError, ValueError):
        raise Http404("No such attempt") from None
    if student.pk is None:
        raise Http404("No such attempt")
    attempt = _attempt_row(attempt_id, student.pk, with_article=with_article)
    if attempt is None:
        raise Http404("No such attempt")
    return attempt


def _attempt_row(attempt_id: int, student_id: int, *, with_article: bool) -> Attempt | None:
    # Plain SQL: building this read through the ORM cost more than running it (bench/LOAD.md).
    # Table and column names are our models' own; the ids are parameters.
    joined = [(Attempt, "t"), (Assignment, "a")]
    if with_article:
        joined += [(Classroom, "c"), (Article, "r")]
    sql = (
        f"SELECT {', '.join(rows.columns(model, alias) for model, alias in joined)}, "  # noqa: S608  # nosec B608
        f"(SELECT o.closes_at FROM {StudentOverride._meta.db_table} o "
        "WHERE o.assignment_id = t.assignment_id AND o.student_id = t.student_id), "
        f"(SELECT v.token FROM {ContentVersion._meta.db_table} v WHERE v.id = %s) "
        f"FROM {Attempt._meta.db_table} t JOIN {Assignment._meta.db_table} a ON a.id = t.assignment_id "
        + (
            f"JOIN {Classroom._meta.db_table} c ON c.id = a.classroom_id "
            f"JOIN {Article._meta.db_table} r ON r.id = a.article_id "
            if with_article
            else ""
        )
        + "WHERE t.id = %s AND t.student_id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ContentVersion.SINGLETON_ID, attempt_id, student_id])
        row = cursor.fetchone()
    if row is None:
        return None
    instances: list[Model] = []
    start = 0
    for model, _alias in joined:  # in the order selected above
        instances.append(rows.instance(model, row, start))
        start += rows.width(model)
    attempt, assignment = cast(Attempt, instances[0]), cast(Assignment, instances[1])
    Attempt.assignment.field.set_cached_value(attempt, assignment)
    if with_article:
        Assignment.classroom.field.set_cached_value(assignment, instances[2])
        Assignment.article.field.set_cached_value(assignment, instances[3])
    attempt.personal_closes_at = rows.converted(StudentOverride._meta.get_field("closes_at"), row[start])
    attempt.content_token = row[start + 1]
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


def _answered(attempt_id: int, items: AssignmentItems) -> "AnsweredResponses":
    """The attempt's responses in the order given; each becomes a Response (with its question and choice from
    `items`) when read."""
    sql = (
        f"SELECT {rows.columns(Response, 'r')} FROM {Response._meta.db_table} r "  # noqa: S608  # nosec B608
        "WHERE r.attempt_id = %s ORDER BY r.answered_at, r.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [attempt_id])
        found = cursor.fetchall()
    question_column = [field.attname for field in Response._meta.concrete_fields].index("question_id")
    return AnsweredResponses({row[question_column]: row for row in found}, items)


class AnsweredResponses(Mapping[int, Response]):
    """question_id -> the attempt's response, in the order answered.

    Each row becomes a Response (with its question and choice from the items) only when it is read: an
    answer needs to know which questions are answered, but shows only one response, and building a model
    instance per row was a tenth of an answer's cost by the end of a quiz."""

    def __init__(self, found: dict[int, tuple | None], items: AssignmentItems, built: dict | None = None):
        self._found = found
        self._items = items
        self._built: dict[int, Response] = dict(built or {})

    def __getitem__(self, question_id: int) -> Response:
        response = self._built.get(question_id)
        if response is None:
            response = self._build(cast(tuple, self._found[question_id]))  # None only for built ones
            self._built[question_id] = response
        return response

    def __iter__(self):
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)

    def __contains__(self, question_id) -> bool:
        return question_id in self._found

    def with_response(self, response: Response) -> "AnsweredResponses":
        """A copy that also holds `response` (already built: the one just saved)."""
        found = {**self._found, response.question_id: None}
        return AnsweredResponses(found, self._items, {**self._built, response.question_id: response})

    def _build(self, row: tuple) -> Response:
        response = rows.instance(Response, row)
        question = self._items.questions.get(response.question_id)
        if question is not None:
            Response.question.field.set_cached_value(response, question)
        choice_id = response.choice_id
        if choice_id is None or choice_id in self._items.choices:
            choice = None if choice_id is None else self._items.choices[choice_id]
            Response.choice.field.set_cached_value(response, choice)
        return response


def attempt_state_with(state: AttemptState, response: Response) -> AttemptState:
    """The state after `response` was saved, built from the one already loaded (no queries)."""
    return _state(state.attempt, state.items, state.answered.with_response(response))


def _state(attempt: Attempt, items: AssignmentItems, answered: "AnsweredResponses") -> AttemptState:
    # A question with nothing to pick is passed over: stopping there, the student could never go on or finish.
    skip = items.unanswerable
    next_item = next(
        (it for it in items if it.question_id not in answered and it.question_id not in skip), None
    )
    return AttemptState(
        attempt=attempt,
        items=items,
        answered=answered,
        next_item=next_item,
        answered_count=len(answered),
        total=len(items),
    )
