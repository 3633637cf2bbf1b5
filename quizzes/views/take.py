"""Taking a quiz: start or resume, one question at a time, answer, finish.

Every step is a plain form post followed by a redirect; HTMX requests get the named partials of
`quizzes/take.html` instead (question panel, plus out-of-band progress, feedback and article).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from quizzes import selectors, services
from quizzes.forms import AnswerForm
from quizzes.models import Assignment, AssignmentQuestion, Attempt, Question
from quizzes.selectors import AttemptState
from quizzes.services import messages as service_messages
from quizzes.views import HtmxHttpRequest, login_required, wants_fragment
from quizzes.views.reading import choice_for_number, feedback_after_each, ordered_choices
from quizzes.views.take_context import take_context

ALREADY_ANSWERED = "You had already answered this question, so your first answer was kept."
# Refusals that no form change can fix: the student is sent back to where they can see what happened.
FINAL_REFUSALS = {service_messages.CLOSED, service_messages.ALREADY_FINISHED}
QUIZ_ANCHOR = "#quiz"  # the questions' column of quizzes/take.html


@login_required
@require_POST
def attempt_start_view(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = get_object_or_404(Assignment, pk=assignment_id)
    try:
        attempt = services.attempt_start(assignment=assignment, student=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return _redirect(request, reverse("home"))
    return _redirect(request, reverse("attempt_take", args=[attempt.id]))


@login_required
@require_GET
@never_cache  # Back and Forward must show the attempt as it is, not a copy from before the last answers
def attempt_take(request: HtmxHttpRequest, attempt_id: int, question_id: int | None = None) -> HttpResponse:
    # "Next question" swaps only the panel: the article is read only if a highlight must be cleared.
    attempt = selectors.attempt_for_student(
        attempt_id=attempt_id, student=request.user, with_article=not wants_fragment(request)
    )
    if attempt.is_finished:
        messages.info(request, _finished_notice(attempt))
        return _redirect(request, reverse("attempt_results", args=[attempt.id]))
    state = selectors.attempt_state(attempt=attempt)
    if attempt.is_finished:  # the quiz closed since the last step; reading the state finished the attempt
        messages.info(request, service_messages.CLOSED)
        return _redirect(request, reverse("attempt_results", args=[attempt.id]))
    item = _item_or_404(state, question_id) if question_id is not None else state.next_item
    return _render_take(request, state, item, article_may_change=_may_show_highlights(state))


@login_required
@require_POST
def response_submit_view(request: HtmxHttpRequest, attempt_id: int, question_id: int) -> HttpResponse:
    # The article is read only if this answer's evidence highlight (or an error page) needs it.
    attempt = selectors.attempt_for_student(attempt_id=attempt_id, student=request.user, with_article=False)
    state = selectors.attempt_state(attempt=attempt)
    item = _item_or_404(state, question_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        errors = [text for field_errors in form.errors.values() for text in field_errors]
        return _render_take(request, state, item, errors=errors, typed_answer=_typed_answer(request))
    choice_id = _chosen_choice_id(state, item, form.cleaned_data["choice"])
    if form.cleaned_data["choice"] and choice_id is None:
        return _render_take(request, state, item, errors=[service_messages.CHOICE_NOT_IN_QUESTION])
    try:
        result = services.response_submit(
            attempt=attempt,
            student=request.user,
            question_id=question_id,
            choice_id=choice_id,
            answer_text=form.cleaned_data["answer_text"] or "",
            item=item,
        )
    except ValidationError as error:
        return _refused(request, state, item, error.messages)
    notice = "" if result.created else ALREADY_ANSWERED
    if not wants_fragment(request):
        if notice:
            messages.info(request, notice)
        # To the question, not the top of the article: on a phone the article comes first and is long.
        return redirect(reverse("attempt_question", args=[attempt.id, question_id]) + QUIZ_ANCHOR)
    # The new state from the one already loaded: the saved response is the only thing that changed.
    state = selectors.attempt_state_with(state, result.response)
    response = _render_take(
        request,
        state,
        item,
        notice=notice,
        article_may_change=False,
        next_question=_next_question_html(request, state, item),
    )
    return trigger_client_event(response, "answerSaved")


@login_required
@require_POST
def attempt_finish_view(request: HtmxHttpRequest, attempt_id: int) -> HttpResponse:
    attempt = selectors.attempt_for_student(attempt_id=attempt_id, student=request.user, with_article=False)
    services.attempt_finish(attempt=attempt, student=request.user)
    response = _redirect(request, reverse("attempt_results", args=[attempt.id]))
    if request.htmx:
        trigger_client_event(response, "answerSaved")
    return response


def _finished_notice(attempt: Attempt) -> str:
    """Why a finished attempt cannot be taken. Finished by its quiz closing (a teacher's "Close now", or a
    page that closed it first), the student must be told it closed, as an answer sent then is told."""
    deadline = selectors.attempt_deadline(attempt)
    closed = deadline is not None and timezone.now() >= deadline
    return service_messages.CLOSED if closed else service_messages.ALREADY_FINISHED


def _chosen_choice_id(state: AttemptState, item: AssignmentQuestion, number: int | None) -> int | None:
    if number is None or item.question.kind == Question.Kind.SHORT_ANSWER:
        return None
    shuffle = state.attempt.assignment.shuffle_choices
    choice = choice_for_number(
        ordered_choices(item.question, attempt_id=state.attempt.id, shuffle=shuffle), number
    )
    return choice.id if choice else None


def _refused(
    request: HtmxHttpRequest, state: AttemptState, item: AssignmentQuestion, texts: list[str]
) -> HttpResponse:
    final = bool(FINAL_REFUSALS.intersection(texts))
    if wants_fragment(request) or not final:
        typed = _typed_answer(request)
        return _render_take(request, state, item, errors=texts, refused=final, typed_answer=typed)
    for text in texts:
        messages.error(request, text)
    attempt = selectors.attempt_for_student(attempt_id=state.attempt.id, student=request.user)
    if attempt.is_finished:  # straight to the results, not via the quiz page that would say it again
        return redirect("attempt_results", attempt.id)
    return redirect("attempt_question", attempt.id, item.question_id)


def _typed_answer(request: HtmxHttpRequest) -> str:
    """A refused short answer as typed, cut to the length allowed, to put back in its box."""
    return request.POST.get("answer_text", "")[: service_messages.ANSWER_MAX_LENGTH]


def _render_take(
    request: HtmxHttpRequest,
    state: AttemptState,
    item: AssignmentQuestion | None,
    *,
    article_may_change: bool = True,
    **extra,
):
    """The page, or for HTMX the swap partial. `article_may_change=False` (the page on screen has no
    highlight: an answer was just saved to an unanswered question, or no question has evidence) re-sends
    the article only to add a highlight."""
    fragment = wants_fragment(request)
    context = take_context(state=state, item=item, with_article=not fragment or article_may_change, **extra)
    if fragment:
        response = HttpResponse(_render_fragment(request, "quizzes/take.html#swap", context))
    else:
        response = render(request, "quizzes/take.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _render_fragment(request: HtmxHttpRequest, template_name: str, context: dict) -> str:
    """A partial of the quiz page for an HTMX swap. The partials read only their own context (never the
    user, messages or request the context processors add), so they are rendered without them, with the
    request's CSRF token passed in: an answer renders two partials, and each pass through the processors
    masked a fresh token and built their lazy objects again."""
    if not hasattr(request, "_passage_csrf_token"):
        request._passage_csrf_token = get_token(request)
    context["csrf_token"] = request._passage_csrf_token
    return get_template(template_name).render(context)


def _next_question_html(request: HtmxHttpRequest, state: AttemptState, item: AssignmentQuestion) -> str:
    """The next unanswered question's panel and progress, sent with a saved answer so that "Next question"
    needs no request (static/js/next.js); "" when there is none."""
    following = state.next_item
    if following is None or following.pk == item.pk:
        return ""
    context = take_context(state=state, item=following, with_article=False)
    return _render_fragment(request, "quizzes/take.html#next-question", context)


def _may_show_highlights(state: AttemptState) -> bool:
    """Whether the page may carry an evidence highlight that moving to another question must clear."""
    if not feedback_after_each(state.attempt.assignment):
        return False
    return any(item.question.evidence_start is not None for item in state.items)


def _item_or_404(state: AttemptState, question_id: int) -> AssignmentQuestion:
    for item in state.items:
        if item.question_id == question_id:
            return item
    raise Http404("That question is not part of this quiz.")


def _redirect(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """A normal redirect, or a client-side one for HTMX so a whole page never lands inside a fragment."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)
