"""The context `quizzes/take.html` and its partials need, built from an attempt's state.

Kept apart from the views so the teacher's "Preview as student" can build the same context (with
`preview=True` and its own URLs) without recording anything.
"""

from typing import Any

from django.urls import reverse

from quizzes.models import AssignmentQuestion, Question
from quizzes.selectors import AttemptState
from quizzes.selectors.quiz_items import nothing_to_pick
from quizzes.views.article_view import article_view
from quizzes.views.reading import correct_choice, feedback_after_each, ordered_choices


def take_context(
    *,
    state: AttemptState,
    item: AssignmentQuestion | None,
    notice: str = "",
    errors: list[str] | None = None,
    refused: bool = False,
    with_article: bool = True,
    next_question: str = "",
    typed_answer: str = "",
) -> dict[str, Any]:
    """`with_article=False`: the article is sent (out of band) only if the evidence highlight is to appear.
    `next_question`: the next question's panel, already rendered, for the feedback's <template>.
    `typed_answer`: a refused short answer, put back in its box so the student can correct it."""
    attempt = state.attempt
    assignment = attempt.assignment
    response = state.answered.get(item.question_id) if item else None
    context = question_context(
        item=item,
        attempt_id=attempt.id,
        shuffle=assignment.shuffle_choices,
        response=response,
        reveal=feedback_after_each(assignment),
    )
    context.update(
        preview=False,
        attempt=attempt,
        assignment=assignment,
        number=_number(state, item),
        total=state.total,
        answered_count=state.answered_count,
        notice=notice,
        errors=errors or [],
        refused=refused,
        next_question=next_question,
        typed_answer=typed_answer,
    )
    context.update(_urls(state, item, response, refused, unanswerable=context["unanswerable"]))
    evidence = context.pop("evidence")
    # Named as a skip so other callers of the swap partial (the teacher's preview) still send the article.
    context["skip_article"] = not (with_article or evidence)
    if not context["skip_article"]:
        context["article"] = article_view(assignment, getattr(attempt, "content_token", None), evidence)
    return context


def question_context(
    *, item: AssignmentQuestion | None, attempt_id: int | None, shuffle: bool, response, reveal: bool
) -> dict[str, Any]:
    """The question panel's variables; `reveal` says whether a saved answer may be marked right or wrong."""
    if item is None:
        return {
            "item": None,
            "question": None,
            "response": None,
            "show_feedback": False,
            "evidence": (),
            "unanswerable": False,
        }
    question = item.question
    is_short = question.kind == Question.Kind.SHORT_ANSWER
    choices = [] if is_short else ordered_choices(question, attempt_id=attempt_id, shuffle=shuffle)
    show_feedback = response is not None and reveal
    right = correct_choice(choices) if show_feedback and not is_short else None
    return {
        "item": item,
        "question": question,
        "is_short_answer": is_short,
        "choices": choices,
        # Shown with a note and the way on instead of a form with nothing to pick (old data only).
        "unanswerable": response is None and nothing_to_pick(question),
        "response": response,
        "show_feedback": show_feedback,
        "right_answer": question.graded_answer(right.text if right else None) if show_feedback else "",
        "right_choice_id": right.id if right else None,
        # The (start, end) offsets to mark in the article, or () when nothing is to be marked.
        "evidence": (
            (question.evidence_start, question.evidence_end)
            if show_feedback and question.evidence_start is not None
            else ()
        ),
    }


def _number(state: AttemptState, item: AssignmentQuestion | None) -> int:
    if item is None:
        return state.total
    return next((index for index, each in enumerate(state.items, start=1) if each.pk == item.pk), 1)


def _urls(
    state: AttemptState,
    item: AssignmentQuestion | None,
    response,
    refused: bool,
    *,
    unanswerable: bool = False,
) -> dict[str, str]:
    """Only the links the partials will show (each reverse() costs, and every answer renders two panels):
    the answer form's URL before an answer, then "Next question" or "Finish"; only the results if refused.
    A question that cannot be answered gets the links an answered one would."""
    attempt_id = state.attempt.id
    answer_url = next_url = finish_url = results_url = ""
    done = response is not None or unanswerable
    if refused:  # a refused panel shows only the way to the results
        results_url = reverse("attempt_results", args=[attempt_id])
    elif item is not None and not done:
        answer_url = reverse("response_submit", args=[attempt_id, item.question_id])
    elif item is not None:
        next_url = _next_url(state, item)
    if not refused and (item is None or (done and not next_url)):
        finish_url = reverse("attempt_finish", args=[attempt_id])
    return {
        "answer_url": answer_url,
        "next_url": next_url,
        "finish_url": finish_url,
        "results_url": results_url,
    }


def _next_url(state: AttemptState, item: AssignmentQuestion | None) -> str:
    following = state.next_item
    if following is None or (item is not None and following.pk == item.pk):
        return ""
    return reverse("attempt_question", args=[state.attempt.id, following.question_id])
