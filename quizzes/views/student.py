"""The student's dashboard, joining a class, and the results of an attempt."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_GET, require_POST

from quizzes import selectors, services
from quizzes.forms import JoinClassroomForm
from quizzes.models import Attempt
from quizzes.services.classrooms import clean_display_name
from quizzes.views import HtmxHttpRequest, client_ip, login_required
from quizzes.views.dashboard_etag import dashboard_etag, vary_and_revalidate
from quizzes.views.reading import answers_revealed, evidence_quote, ordered_choices, right_answer_text

JOINED = "You have joined {classroom}."
ALREADY_JOINED = (
    "You are already in {classroom}, as {name}. Your teacher can change the name the leaderboard shows."
)


@login_required
@require_GET
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    etag = dashboard_etag(request)
    not_modified = get_conditional_response(request, etag=etag) if etag else None
    response = not_modified or _render_dashboard(request, JoinClassroomForm())
    return vary_and_revalidate(response, etag)


@login_required
@require_POST
def classroom_join_view(request: HtmxHttpRequest) -> HttpResponse:
    form = JoinClassroomForm(request.POST)
    if form.is_valid():
        try:
            enrollment = services.classroom_join(
                student=request.user,
                join_code=form.cleaned_data["join_code"],
                display_name=form.cleaned_data["display_name"],
                client_ip=client_ip(request),
            )
        except ValidationError as error:
            for text in error.messages:
                form.add_error(None, text)
        else:
            typed = clean_display_name(form.cleaned_data["display_name"])  # as the join stored it
            if enrollment.display_name != typed:  # already in the class: joining again renames nobody
                messages.info(
                    request,
                    ALREADY_JOINED.format(classroom=enrollment.classroom.name, name=enrollment.display_name),
                )
            else:
                messages.success(request, JOINED.format(classroom=enrollment.classroom.name))
            return redirect("home")
    return _render_dashboard(request, form, status=400)


def _render_dashboard(request: HtmxHttpRequest, join_form: JoinClassroomForm, status: int = 200):
    rows = selectors.student_dashboard(student=request.user)
    board_classrooms = {row.classroom.pk: row.classroom for row in rows if row.assignment.show_leaderboard}
    context = {
        "rows": rows,
        "join_form": join_form,
        "board_classrooms": sorted(board_classrooms.values(), key=lambda classroom: classroom.name),
        "teaching": _teaching(request),
    }
    return render(request, "quizzes/dashboard.html", context, status=status)


def _teaching(request: HtmxHttpRequest) -> list[selectors.TeachingClass]:
    return selectors.teaching_overview(teacher=request.user) if request.user.is_staff else []


@login_required
@require_GET
def assignment_results(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    """The latest finished attempt's results: the dashboard links here without knowing attempt ids."""
    attempt = (
        Attempt.objects.filter(assignment_id=assignment_id, student=request.user, finished_at__isnull=False)
        .order_by("-number")
        .only("id")
        .first()
    )
    if attempt is None:
        raise Http404("No finished attempt at this quiz yet.")
    return redirect("attempt_results", attempt.id)


@login_required
@require_GET
def attempt_results(request: HtmxHttpRequest, attempt_id: int) -> HttpResponse:
    attempt = selectors.attempt_for_student(attempt_id=attempt_id, student=request.user)
    if not attempt.is_finished:
        return redirect("attempt_take", attempt.id)
    state = selectors.attempt_state(attempt=attempt)
    revealed = answers_revealed(attempt.assignment, attempt)
    context = {
        "attempt": attempt,
        "assignment": attempt.assignment,
        "revealed": revealed,
        "reviews": [
            _review(number, item, state, attempt, revealed)
            for number, item in enumerate(state.items, start=1)
        ],
    }
    return render(request, "quizzes/results.html", context)


def _review(number: int, item, state, attempt, revealed: bool) -> dict:
    question = item.question
    response = state.answered.get(item.question_id)
    choices = ordered_choices(question, attempt_id=attempt.id, shuffle=attempt.assignment.shuffle_choices)
    right_answer = right_answer_text(question, choices) if revealed else ""
    missed = revealed and (response is None or not response.is_correct)
    article_text = attempt.assignment.article.text
    return {
        "number": number,
        "item": item,
        "question": question,
        "response": response,
        "answered": response is not None,
        "correct": bool(response is not None and response.is_correct),
        "given": _given_text(response, choices),
        "right_answer": right_answer,
        # Where a missed answer stands in the article, to read again: (before, the answer, after).
        "evidence": evidence_quote(article_text, question, right_answer) if missed else None,
    }


def _given_text(response, choices) -> str:
    if response is None:
        return ""
    if response.choice_id:
        return next(
            (choice.text for choice in choices if choice.id == response.choice_id), response.given_answer
        )
    return response.given_answer
