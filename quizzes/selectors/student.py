"""A student's own view: the dashboard of assignments, one attempt and its progress."""

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from quizzes.models import Assignment, AssignmentQuestion, Attempt, Response, StudentOverride
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

    `with_article=False` leaves the article (its whole text) to be read only if it is used."""
    try:
        attempt_id = int(attempt_id)
    except (TypeError, ValueError):
        raise Http404("No such attempt") from None
    # The student's personal closing time comes along, so checking the deadline costs no extra query.
    override = StudentOverride.objects.filter(assignment=OuterRef("assignment"), student=OuterRef("student"))
    related = ("assignment__classroom", "assignment__article") if with_article else ("assignment",)
    attempt = (
        Attempt.objects.select_related(*related)
        .annotate(personal_closes_at=Subquery(override.values("closes_at")[:1]))
        .filter(pk=attempt_id, student_id=student.pk)
        .first()
    )
    if attempt is None or student.pk is None:
        raise Http404("No such attempt")
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
    items = list(
        AssignmentQuestion.objects.filter(assignment_id=attempt.assignment_id)
        .select_related("question")
        .prefetch_related("question__choices")
        .order_by("position")
    )
    answered = {
        r.question_id: r for r in attempt.responses.select_related("choice").order_by("answered_at", "id")
    }
    return _state(attempt, items, answered)


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
