""" "Preview as student": the quiz page exactly as a student sees it, answered and graded in memory.

Nothing is written to the database: no Attempt, no Response. The preview's answers live in the teacher's
session (one small dict per assignment) and are graded with `quizzes.grading`, as the services would.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from quizzes import grading
from quizzes.forms import AnswerForm
from quizzes.models import Assignment, AssignmentQuestion, Question, Response
from quizzes.views import HtmxHttpRequest, wants_fragment
from quizzes.views.article_view import article_view
from quizzes.views.reading import (
    choice_for_number,
    evidence_quote,
    feedback_after_each,
    ordered_choices,
    right_answer_text,
)
from quizzes.views.take_context import question_context
from quizzes.views.teacher import teacher_assignment_or_404

PREVIEW_NOTICE = "Preview: this is what students see. Nothing you answer here is recorded."


def _session_key(assignment_id: int) -> str:
    return f"passage-preview-{assignment_id}"


def _answers(request: HtmxHttpRequest, assignment_id: int) -> dict[str, dict]:
    return request.session.get(_session_key(assignment_id), {})


def _items(assignment: Assignment) -> list[AssignmentQuestion]:
    return list(
        assignment.items.select_related("question").prefetch_related("question__choices").order_by("position")
    )


def _fake_response(item: AssignmentQuestion, saved: dict | None) -> Response | None:
    """An unsaved Response so the student templates can show feedback; never saved."""
    if saved is None:
        return None
    return Response(
        question=item.question,
        given_answer=saved["given"],
        choice_id=saved.get("choice_id"),
        is_correct=saved["correct"],
        points=item.points if saved["correct"] else 0,
    )


def _item_or_404(items: list[AssignmentQuestion], question_id: int | None, answers: dict):
    if question_id is None:
        return next((item for item in items if str(item.question_id) not in answers), None)
    for item in items:
        if item.question_id == question_id:
            return item
    raise Http404("That question is not part of this quiz.")


def _next_url(assignment: Assignment, items, item, answers) -> str:
    following = next(
        (
            each
            for each in items
            if str(each.question_id) not in answers and each.pk != getattr(item, "pk", None)
        ),
        None,
    )
    return (
        reverse("teacher_preview_question", args=[assignment.pk, following.question_id]) if following else ""
    )


def _urls(assignment: Assignment, items, item, answers) -> dict[str, str]:
    """Where the student template's links and forms go: preview URLs instead of the attempt's."""
    answer_url = reverse("teacher_preview_answer", args=[assignment.pk, item.question_id]) if item else ""
    finish_url = reverse("teacher_preview_finish", args=[assignment.pk])
    return {
        "action_url": answer_url,
        "answer_url": answer_url,
        "finish_url": finish_url,
        "results_url": finish_url,
        "next_url": _next_url(assignment, items, item, answers),
        "reset_url": reverse("teacher_preview_reset", args=[assignment.pk]),
    }


def _render(
    request: HtmxHttpRequest, assignment: Assignment, question_id: int | None, errors=None
) -> HttpResponse:
    items = _items(assignment)
    answers = _answers(request, assignment.pk)
    item = _item_or_404(items, question_id, answers)
    saved = answers.get(str(item.question_id)) if item else None
    context = question_context(
        item=item,
        attempt_id=None,
        shuffle=assignment.shuffle_choices,
        response=_fake_response(item, saved) if item else None,
        reveal=feedback_after_each(assignment),
    )
    context.update(
        _urls(assignment, items, item, answers),
        preview=True,
        attempt=None,
        assignment=assignment,
        article=article_view(assignment, None, context.pop("evidence")),
        number=items.index(item) + 1 if item else len(items),
        total=len(items),
        answered_count=len(answers),
        notice="",
        errors=errors or [],
        refused=False,
    )
    template = "quizzes/take.html#swap" if wants_fragment(request) else "quizzes/take.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
def preview_question(
    request: HtmxHttpRequest, assignment_id: int, question_id: int | None = None
) -> HttpResponse:
    assignment = teacher_assignment_or_404(request, assignment_id)
    return _render(request, assignment, question_id)


@login_required
@require_POST
def preview_answer(request: HtmxHttpRequest, assignment_id: int, question_id: int) -> HttpResponse:
    assignment = teacher_assignment_or_404(request, assignment_id)
    item = _item_or_404(_items(assignment), question_id, {})
    form = AnswerForm(request.POST)
    if not form.is_valid():
        errors = [text for field_errors in form.errors.values() for text in field_errors]
        return _render(request, assignment, question_id, errors=errors)
    answers = dict(_answers(request, assignment.pk))
    # As in the real quiz, the first answer to a question is the one that counts.
    answers.setdefault(str(question_id), grade(item, form.cleaned_data, assignment))
    request.session[_session_key(assignment.pk)] = answers
    if wants_fragment(request):
        return _render(request, assignment, question_id)
    return redirect("teacher_preview_question", assignment.pk, question_id)


def grade(item: AssignmentQuestion, data: dict, assignment: Assignment) -> dict:
    question = item.question
    if question.kind == Question.Kind.SHORT_ANSWER:
        given = data.get("answer_text") or ""
        correct = grading.short_answer_correct(
            given=given, answer=question.answer, accepted=question.accepted_answers or []
        )
        return {"given": given, "choice_id": None, "correct": correct}
    choices = ordered_choices(question, attempt_id=None, shuffle=assignment.shuffle_choices)
    choice = choice_for_number(choices, data.get("choice"))
    if choice is None:
        return {"given": "", "choice_id": None, "correct": False}
    return {"given": choice.text, "choice_id": choice.pk, "correct": choice.is_correct}


@login_required
@require_http_methods(["GET", "POST"])
def preview_finish(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = teacher_assignment_or_404(request, assignment_id)
    items = _items(assignment)
    answers = _answers(request, assignment.pk)
    reviews = [
        _review(number, item, answers.get(str(item.question_id)), assignment)
        for number, item in enumerate(items, start=1)
    ]
    context = {
        "assignment": assignment,
        "reviews": reviews,
        "score": sum(review["item"].points for review in reviews if review["correct"]),
        "max_score": sum(item.points for item in items),
        "preview_notice": PREVIEW_NOTICE,
    }
    return render(request, "quizzes/teacher/preview_done.html", context)


def _review(number: int, item: AssignmentQuestion, saved: dict | None, assignment: Assignment) -> dict:
    """One question of the preview's end page, as the student's results page shows it once answers are
    revealed: the answer given, right or not, and for a miss the evidence sentence with the answer marked."""
    question = item.question
    right_answer = right_answer_text(question, question.choices.all())
    correct = bool(saved and saved["correct"])
    return {
        "number": number,
        "item": item,
        "question": question,
        "answered": bool(saved and saved["given"]),
        "given": saved["given"] if saved else "",
        "correct": correct,
        "right_answer": right_answer,
        "evidence": None if correct else evidence_quote(assignment.article.text, question, right_answer),
    }


@login_required
@require_POST
def preview_reset(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = teacher_assignment_or_404(request, assignment_id)
    request.session.pop(_session_key(assignment.pk), None)
    return redirect("teacher_preview", assignment.pk)
