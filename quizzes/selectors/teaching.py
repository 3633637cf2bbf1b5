"""What a teacher's dashboard shows of each class: its assignments, whether each is open, and how far the
class has got (students finished, class average of their best scores); what "Close now" would do."""

import datetime as dt
from collections import defaultdict

from django.contrib.auth.models import User
from django.db.models import Count, Max, Prefetch
from django.utils import timezone

from quizzes.models import Assignment, Attempt, Classroom, StudentOverride, assignment_phase
from quizzes.selectors.boards import ACCURACY
from quizzes.selectors.types import ClosePreview, TeachingAssignment, TeachingClass
from quizzes.services.assignments import assignments_close_due


def teaching_overview(*, teacher: User, now: dt.datetime | None = None) -> list[TeachingClass]:
    """The teacher's own classes by name, each with its assignments, newest first. Closes what is due first,
    as the report does, so both count the same attempts as finished. When nothing is due, four queries
    whatever the number of classes: the due check, the classes, their assignments, each student's best."""
    now = now or timezone.now()
    assignments_close_due(now=now, teacher=teacher)
    classrooms = list(
        Classroom.objects.filter(teacher=teacher)
        .annotate(student_total=Count("enrollments", distinct=True))
        .prefetch_related(Prefetch("assignments", queryset=Assignment.objects.order_by("-opens_at", "-id")))
        .order_by("name", "id")
    )
    assignment_ids = [a.pk for c in classrooms for a in c.assignments.all()]
    best = _best_shares(assignment_ids)
    return [
        TeachingClass(
            classroom=classroom,
            student_total=classroom.student_total,
            assignments=[
                _summary(assignment, now, best.get(assignment.pk, []), classroom.student_total)
                for assignment in classroom.assignments.all()
            ],
        )
        for classroom in classrooms
    ]


def _best_shares(assignment_ids: list[int]) -> dict[int, list[float]]:
    """Per assignment, each student's best finished attempt as a share of its maximum (as the boards rank)."""
    rows = (
        Attempt.objects.filter(
            assignment_id__in=assignment_ids, finished_at__isnull=False, student__isnull=False
        )
        .values("assignment_id", "student_id")
        .annotate(best=Max(ACCURACY))
        .values_list("assignment_id", "best")
    )
    shares: dict[int, list[float]] = defaultdict(list)
    for assignment_id, best in rows:
        shares[assignment_id].append(best)
    return shares


def _summary(
    assignment: Assignment, now: dt.datetime, shares: list[float], students: int
) -> TeachingAssignment:
    status = assignment_phase(opens_at=assignment.opens_at, closes_at=assignment.closes_at, now=now)
    average = round(100 * sum(shares) / len(shares)) if shares else None
    return TeachingAssignment(
        assignment=assignment, status=status, finished=len(shares), students=students, average_percent=average
    )


def close_now_preview(*, assignment: Assignment, now: dt.datetime | None = None) -> ClosePreview:
    """What `assignments_close_now` would do to this assignment now, in the words of its confirmation page.

    Closes what is due first, as the overview does, so an attempt already past its closing time is not
    counted as still answering."""
    now = now or timezone.now()
    assignments_close_due(now=now, assignment=assignment)
    still_answering = Attempt.objects.filter(assignment=assignment, finished_at__isnull=True).count()
    extensions = StudentOverride.objects.filter(assignment=assignment, closes_at__gt=now).count()
    status = assignment_phase(opens_at=assignment.opens_at, closes_at=assignment.closes_at, now=now)
    if status == "closed" and extensions:
        status = "extended"
    return ClosePreview(status=status, still_answering=still_answering, extensions_running=extensions)
