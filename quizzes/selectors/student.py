"""A student's own view: the dashboard of assignments, one attempt and its progress."""

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from quizzes.models import Assignment, AssignmentQuestion, Attempt, StudentOverride
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


def attempt_for_student(*, attempt_id, student: AbstractUser) -> Attempt:
    """The student's own attempt; 404 for anyone else's (no hint that it exists)."""
    try:
        attempt_id = int(attempt_id)
    except (TypeError, ValueError):
        raise Http404("No such attempt") from None
    attempt = (
        Attempt.objects.select_related("assignment__classroom", "assignment__article")
        .filter(pk=attempt_id, student_id=student.pk)
        .first()
    )
    if attempt is None or student.pk is None:
        raise Http404("No such attempt")
    return attempt


def attempt_state(*, attempt: Attempt) -> AttemptState:
    """Items in order (questions and choices prefetched), answers so far, the next unanswered item."""
    if attempt.finished_at is None and assignments_close_due(assignment=attempt.assignment):
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
    next_item = next((item for item in items if item.question_id not in answered), None)
    return AttemptState(
        attempt=attempt,
        items=items,
        answered=answered,
        next_item=next_item,
        answered_count=len(answered),
        total=len(items),
    )
