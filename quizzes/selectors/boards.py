"""Leaderboards, ranked in SQL: accuracy first, time only breaks ties, equal rows share a rank.

Only finished attempts of students still in the class count (a removed student's attempts are anonymous
and skipped). Per assignment a student's best attempt counts; per classroom the sum of their best attempts,
with accuracy measured against every assignment the class has been set so far (so it orders like points).
"""

from django.db.models import (
    DurationField,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Cast, Coalesce, NullIf, Rank, RowNumber
from django.utils import timezone

from quizzes.models import Assignment, AssignmentQuestion, Attempt, Classroom, Enrollment
from quizzes.selectors.types import BoardRow
from quizzes.services.assignments import assignments_close_due

DURATION = ExpressionWrapper(F("finished_at") - F("started_at"), output_field=DurationField())
ACCURACY = Coalesce(Cast(F("score"), FloatField()) / NullIf(Cast(F("max_score"), FloatField()), 0.0), 0.0)


def _display_name(classroom_ref: str = "assignment__classroom"):
    enrollment = Enrollment.objects.filter(classroom=OuterRef(classroom_ref), student=OuterRef("student"))
    return Subquery(enrollment.values("display_name")[:1])


def _best_attempt_ids(attempts: QuerySet, partition: list) -> QuerySet:
    """Ids of each partition's best finished attempt (highest accuracy, then quickest, then first)."""
    ranked = attempts.filter(finished_at__isnull=False, student__isnull=False).annotate(
        accuracy=ACCURACY,
        duration=DURATION,
        pick=Window(
            RowNumber(),
            partition_by=partition,
            order_by=[F("accuracy").desc(), F("duration").asc(), F("pk").asc()],
        ),
    )
    return ranked.filter(pick=1).values("pk")


def _rows(queryset, limit: int | None) -> list[BoardRow]:
    if limit is not None:
        queryset = queryset[:limit]
    return [
        BoardRow(
            rank=row["rank"],
            display_name=row["display_name"] or "",
            score=row["score"] or 0,
            max_score=row["max_score"] or 0,
            accuracy=row["accuracy"] or 0.0,
            seconds=int(row["duration"].total_seconds()) if row["duration"] is not None else 0,
        )
        for row in queryset
    ]


def assignment_leaderboard(*, assignment: Assignment, limit: int | None = None) -> list[BoardRow]:
    assignments_close_due(assignment=assignment)
    best = _best_attempt_ids(Attempt.objects.filter(assignment=assignment), [F("student_id")])
    board = (
        Attempt.objects.filter(pk__in=Subquery(best))
        .annotate(accuracy=ACCURACY, duration=DURATION, display_name=_display_name())
        .filter(display_name__isnull=False)
        .annotate(rank=Window(Rank(), order_by=[F("accuracy").desc(), F("duration").asc()]))
        .order_by("rank", "display_name", "pk")
        .values("rank", "display_name", "score", "max_score", "accuracy", "duration")
    )
    return _rows(board, limit)


def _classroom_max_score(classroom: Classroom) -> int:
    items = AssignmentQuestion.objects.filter(
        assignment__classroom=classroom, assignment__opens_at__lte=timezone.now()
    )
    return items.aggregate(total=Sum("points"))["total"] or 0


def classroom_leaderboard(*, classroom: Classroom, limit: int | None = None) -> list[BoardRow]:
    assignments_close_due()  # cheap when nothing is due: one indexed query
    class_attempts = Attempt.objects.filter(assignment__classroom=classroom)
    best = _best_attempt_ids(class_attempts, [F("student_id"), F("assignment_id")])
    class_max = _classroom_max_score(classroom)
    board = (
        Attempt.objects.filter(pk__in=Subquery(best))
        .annotate(display_name=_display_name())
        .filter(display_name__isnull=False)
        .values("student_id", "display_name")
        .annotate(score=Sum("score"), duration=Sum(DURATION))
        .annotate(
            max_score=Value(class_max),
            accuracy=Cast(F("score"), FloatField()) / Value(float(class_max or 1)),
            rank=Window(Rank(), order_by=[F("score").desc(), F("duration").asc()]),
        )
        .order_by("rank", "display_name", "student_id")
        .values("rank", "display_name", "score", "max_score", "accuracy", "duration")
    )
    return _rows(board, limit)
