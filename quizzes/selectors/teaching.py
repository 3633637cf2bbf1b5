"""What a teacher's dashboard shows of each class: its assignments, whether each is open, and how far the
class has got (students finished, class average of their best scores)."""

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Prefetch
from django.utils import timezone

from quizzes.models import Assignment, Attempt, Classroom
from quizzes.selectors.types import TeachingAssignment, TeachingClass


def teaching_overview(*, teacher, now: dt.datetime | None = None) -> list[TeachingClass]:
    """The teacher's own classes by name, each with its assignments, newest first. Three queries whatever
    the number of classes: the classes, their assignments, and the finished attempts' best scores."""
    now = now or timezone.now()
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
    """Each student's best finished attempt as a share of its maximum, per assignment."""
    best: dict[tuple[int, int], float] = {}
    rows = Attempt.objects.filter(
        assignment_id__in=assignment_ids, finished_at__isnull=False, student__isnull=False
    ).values_list("assignment_id", "student_id", "score", "max_score")
    for assignment_id, student_id, score, max_score in rows.iterator():
        share = score / max_score if max_score else 0.0
        key = (assignment_id, student_id)
        best[key] = max(best.get(key, 0.0), share)
    shares: dict[int, list[float]] = defaultdict(list)
    for (assignment_id, _student), share in best.items():
        shares[assignment_id].append(share)
    return shares


def _summary(
    assignment: Assignment, now: dt.datetime, shares: list[float], students: int
) -> TeachingAssignment:
    if assignment.opens_at > now:
        status = "upcoming"
    elif assignment.closes_at is not None and assignment.closes_at <= now:
        status = "closed"
    else:
        status = "open"
    average = round(100 * sum(shares) / len(shares)) if shares else None
    return TeachingAssignment(
        assignment=assignment, status=status, finished=len(shares), students=students, average_percent=average
    )
