"""Issue 2, Must show: the demo quiz end to end in a real browser, with HTMX and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from quizzes.models import Attempt, Enrollment

from .helpers import (
    CspViolations,
    PageLoads,
    answer_every_question,
    assert_on_page,
    finish_quiz,
    login,
    open_demo_quiz,
)

pytestmark = pytest.mark.e2e

ANSWER_PATH = re.compile(r"/attempt/\d+/question/\d+/answer/$")
QUESTION_PATH = re.compile(r"/attempt/\d+/question/\d+/$")


def _display_name(demo, username: str) -> str:
    classroom = demo.assignment().classroom
    return Enrollment.objects.get(classroom=classroom, student__username=username).display_name


def _finished_attempt(demo, username: str) -> Attempt:
    return Attempt.objects.get(
        assignment=demo.assignment(), student__username=username, finished_at__isnull=False
    )


def _first_question_points(demo) -> int:
    return demo.assignment().items.order_by("position").first().points


def _board_row(board_page, display_name: str):
    return board_page.locator("#board").get_by_role("row").filter(has_text=display_name)


def test_student1_quiz_through_htmx_and_the_projector_shows_the_score_without_reload(demo, new_context):
    classroom = demo.assignment().classroom
    board = new_context().new_page()
    board_refused = CspViolations(board)
    board.goto(demo.board_path())
    assert_on_page(board, path=demo.board_path(), heading=classroom.name)
    board_loads = PageLoads(board)
    name = _display_name(demo, "student1")
    expect(_board_row(board, name)).to_have_count(0)

    student = new_context().new_page()
    refused = CspViolations(student)
    login(student, "student1")
    open_demo_quiz(student)
    article, panel = student.locator("#article"), student.locator("#question-panel")
    expect(article).to_contain_text(demo.assignment().article.title)
    expect(article).to_be_in_viewport()
    expect(panel).to_be_in_viewport()

    answers, question_fetches = [], []
    student.on(
        "request", lambda request: answers.append(request) if ANSWER_PATH.search(request.url) else None
    )
    student.on(
        "request",
        lambda request: question_fetches.append(request.url) if QUESTION_PATH.search(request.url) else None,
    )
    loads = PageLoads(student)
    answered = answer_every_question(student, demo)
    expect(article).to_be_in_viewport()

    loads.assert_none()
    # "Next question" showed the panel that came with each answer (static/js/next.js): no request for it,
    # yet the address bar followed along, as it did with hx-push-url.
    assert question_fetches == []
    expect(student).to_have_url(QUESTION_PATH)
    assert len(answers) == answered == demo.assignment().items.count()
    assert all(
        request.method == "POST" and request.headers.get("hx-request") == "true" for request in answers
    )

    finish_quiz(student)
    attempt = _finished_attempt(demo, "student1")
    assert attempt.score == attempt.max_score - _first_question_points(demo), "only the first was wrong"
    assert_on_page(student, path=f"/attempt/{attempt.pk}/results/", heading="Results")
    expect(student.get_by_text("your score")).to_be_visible()
    expect(student.locator(".score")).to_contain_text(f"{attempt.score} / {attempt.max_score}")

    # The board polls on its own: the new score shows within 5 s, and the page never reloaded.
    expect(_board_row(board, name)).to_contain_text(f"{attempt.score} / {attempt.max_score}", timeout=5000)
    board_loads.assert_none()
    refused.assert_none()
    board_refused.assert_none()


def test_student2_finishes_the_quiz_with_javascript_disabled(demo, new_context):
    student = new_context(java_script_enabled=False).new_page()
    login(student, "student2")
    open_demo_quiz(student)
    expect(student.locator("#article")).to_be_visible()

    answered = answer_every_question(student, demo)
    assert answered == demo.assignment().items.count()
    finish_quiz(student)

    attempt = _finished_attempt(demo, "student2")
    assert_on_page(student, path=f"/attempt/{attempt.pk}/results/", heading="Results")
    expect(student.locator(".score")).to_contain_text(f"{attempt.score} / {attempt.max_score}")
    assert attempt.score == attempt.max_score - _first_question_points(demo)
