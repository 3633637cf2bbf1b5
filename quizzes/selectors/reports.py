"""The teacher's report for one assignment: a students × questions grid and per-question statistics.

A fixed handful of queries whatever the class size: the grid uses each enrolled student's best attempt
(finished first), while the per-question statistics count every response, including those of students who
have since left the class (anonymous), so the numbers still add up.
"""

from collections import Counter, defaultdict

from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.functions import RowNumber, Trim

from quizzes.grading import normalise
from quizzes.models import Assignment, AssignmentQuestion, Attempt, Choice, Enrollment, Response
from quizzes.selectors.boards import ACCURACY
from quizzes.selectors.types import AssignmentReport, ReportCell, ReportQuestion, ReportRow
from quizzes.services.assignments import assignments_close_due

COMMON_WRONG_TOP = 3


def _best_attempts(assignment: Assignment) -> dict[int | None, Attempt]:
    ranked = (
        Attempt.objects.filter(assignment=assignment, student__isnull=False)
        .annotate(
            accuracy=ACCURACY,
            # Finished attempts first: an attempt in progress shows only when there is nothing else.
            unfinished=Case(When(finished_at__isnull=True, then=Value(1)), default=Value(0)),
            pick=Window(
                RowNumber(),
                partition_by=[F("student_id")],
                order_by=[F("unfinished").asc(), F("accuracy").desc(), F("pk").asc()],
            ),
        )
        .filter(pick=1)
    )
    return {attempt.student_id: attempt for attempt in ranked}


def _common_wrong(assignment: Assignment) -> dict[int, list[tuple[str, int]]]:
    """The most common wrong answers per question. Answers that grading treats as the same ("Basra",
    " basra! ") count as one, shown as the class most often wrote it, capitals kept ("Abu Bakr")."""
    groups = (
        Response.objects.filter(attempt__assignment=assignment, is_correct=False)
        .annotate(text=Trim("given_answer"))
        .values("question_id", "text")
        .annotate(n=Count("id"))
        .order_by("question_id", "-n", "text")
    )
    merged: dict[int, Counter] = defaultdict(Counter)
    spellings: dict[tuple[int, str], Counter] = defaultdict(Counter)
    for group in groups:
        key = normalise(group["text"]) or group["text"].casefold()
        merged[group["question_id"]][key] += group["n"]
        spellings[(group["question_id"], key)][group["text"]] += group["n"]
    return {
        qid: [
            (spellings[(qid, key)].most_common(1)[0][0], n)
            for key, n in counter.most_common(COMMON_WRONG_TOP)
        ]
        for qid, counter in merged.items()
    }


def right_answer(item: AssignmentQuestion) -> str:
    """What students are graded against: the ticked choice of a question with choices, else the answer."""
    return item.question.graded_answer(getattr(item, "right_choice", None))


def _question_stats(assignment: Assignment, items: list[AssignmentQuestion]) -> list[ReportQuestion]:
    counts = {
        row["question_id"]: row
        for row in Response.objects.filter(attempt__assignment=assignment)
        .values("question_id")
        .annotate(answered=Count("id"), correct=Count("id", filter=Q(is_correct=True)))
        .order_by("question_id")
    }
    wrong = _common_wrong(assignment)
    stats = []
    for item in items:
        row = counts.get(item.question_id, {"answered": 0, "correct": 0})
        share = row["correct"] / row["answered"] if row["answered"] else None
        stats.append(
            ReportQuestion(
                item,
                row["answered"],
                row["correct"],
                share,
                wrong.get(item.question_id, []),
                right_answer(item),
            )
        )
    return stats


def _grid(assignment: Assignment, items: list[AssignmentQuestion]) -> list[ReportRow]:
    best = _best_attempts(assignment)
    responses = {
        (r.attempt_id, r.question_id): r
        for r in Response.objects.filter(attempt__in=[a.pk for a in best.values()]).only(
            "attempt_id", "question_id", "is_correct", "given_answer"
        )
    }
    rows = []
    for enrollment in Enrollment.objects.filter(classroom_id=assignment.classroom_id).order_by(
        "display_name", "id"
    ):
        attempt = best.get(enrollment.student_id)
        cells = []
        for item in items:
            response = responses.get((attempt.pk, item.question_id)) if attempt else None
            if response is None:
                cells.append(ReportCell("blank"))
            else:
                cells.append(ReportCell("correct" if response.is_correct else "wrong", response.given_answer))
        score = attempt.score if attempt else None
        max_score = attempt.max_score if attempt else sum(item.points for item in items)
        in_progress = attempt is not None and attempt.finished_at is None
        rows.append(ReportRow(enrollment.display_name, score, max_score, cells, in_progress))
    return rows


def assignment_report(*, assignment: Assignment) -> AssignmentReport:
    assignments_close_due(assignment=assignment)
    # Read with the items, not in a query of its own: the report's query count stays fixed.
    right_choice = Choice.objects.filter(question=OuterRef("question_id"), is_correct=True)
    items: list[AssignmentQuestion] = list(
        AssignmentQuestion.objects.filter(assignment=assignment)
        .select_related("question")
        .annotate(right_choice=Subquery(right_choice.order_by("position", "id").values("text")[:1]))
        .order_by("position")
    )
    return AssignmentReport(assignment, _question_stats(assignment, items), _grid(assignment, items))
