"""The teacher's report on one assignment (page and CSV). Only the class's teacher or a superuser may see
it; to anyone else the assignment does not exist (404), so ids cannot be probed.
"""

import csv

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from quizzes import selectors
from quizzes.models import Assignment

# A spreadsheet runs a cell starting with one of these as a formula: prefix it with a quote (OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CELL_LABELS = {"correct": "correct", "wrong": "wrong", "blank": "not answered"}


def teacher_assignment_or_404(request: HttpRequest, assignment_id: int) -> Assignment:
    assignments = Assignment.objects.select_related("classroom", "article")
    if not request.user.is_superuser:
        assignments = assignments.filter(classroom__teacher_id=request.user.pk)
    return get_object_or_404(assignments, pk=assignment_id)


@login_required
@require_GET
def assignment_report_view(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = teacher_assignment_or_404(request, assignment_id)
    report = selectors.assignment_report(assignment=assignment)
    context = {
        **admin.site.each_context(request),
        "title": f"Report: {assignment.title}",
        "assignment": assignment,
        "report": report,
    }
    return render(request, "quizzes/teacher/report.html", context)


@login_required
@require_GET
def assignment_report_csv(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = teacher_assignment_or_404(request, assignment_id)
    report = selectors.assignment_report(assignment=assignment)
    filename = f"{slugify(assignment.title) or 'assignment'}-{assignment.pk}-report.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the names as UTF-8
    writer = csv.writer(response)
    for row in report_csv_rows(report):
        writer.writerow([safe_cell(value) for value in row])
    return response


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def cell_text(cell) -> str:
    if cell.state == "blank":
        return ""
    return f"{CELL_LABELS[cell.state]}: {cell.given}" if cell.given else CELL_LABELS[cell.state]


def report_csv_rows(report):
    """Rows of `selectors.assignment_report(...)`: the grid, a blank line, then per-question figures."""
    questions = report.questions
    yield [
        "Student",
        "Score",
        "Max score",
        "Finished",
        *[f"Q{n}: {q.item.question.prompt}" for n, q in enumerate(questions, 1)],
    ]
    for row in report.rows:
        score = "" if row.score is None else row.score
        finished = "" if row.score is None else ("no, in progress" if row.in_progress else "yes")
        yield [row.display_name, score, row.max_score, finished, *[cell_text(cell) for cell in row.cells]]
    yield []
    yield ["Question", "Right answer", "Answered", "Correct", "Share correct", "Most common wrong answers"]
    for n, question in enumerate(questions, 1):
        share = "" if question.share_correct is None else f"{question.share_correct:.0%}"
        wrong = "; ".join(f"{text} ({count})" for text, count in question.common_wrong)
        yield [
            f"Q{n}: {question.item.question.prompt}",
            question.right_answer,
            question.answered,
            question.correct,
            share,
            wrong,
        ]
