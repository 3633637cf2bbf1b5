"""Issue 4: on a 375-px-wide phone nothing scrolls sideways; the article and the question are reachable."""

import re

import pytest
from playwright.sync_api import Page, expect

from .helpers import (
    answer_every_question,
    assert_on_page,
    current_question,
    feedback_region,
    fill_answer,
    finish_quiz,
    login,
    open_demo_quiz,
    question_heading,
    right_answer,
    submit_answer,
)

pytestmark = pytest.mark.e2e
PHONE = {"width": 375, "height": 740}


def assert_no_sideways_scroll(page: Page, where: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{where} is {width}px wide on a {PHONE['width']}px screen"


def test_student_pages_fit_a_phone_and_article_and_question_are_reachable(demo, new_context):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    assignment = demo.assignment()
    page.goto(demo.path("login"))
    assert_no_sideways_scroll(page, "sign-in page")
    login(page, "student1")
    assert_on_page(page, path=demo.path("home"), heading="My quizzes")
    assert_no_sideways_scroll(page, "dashboard")

    open_demo_quiz(page)
    assert_no_sideways_scroll(page, "quiz page")
    article, heading = page.locator("#article"), question_heading(page)
    # Stacked: the article first, the question below it, each reachable by scrolling (or the jump link).
    assert article.bounding_box()["y"] < heading.bounding_box()["y"]
    article.get_by_role("heading").scroll_into_view_if_needed()
    expect(article.get_by_role("heading")).to_be_in_viewport()
    page.get_by_role("link", name="Go to the question").click()
    expect(heading).to_be_in_viewport()

    question = current_question(page, demo)
    fill_answer(page, question, right_answer(question))
    submit_answer(page)
    expect(feedback_region(page)).to_contain_text("Correct")
    feedback_region(page).scroll_into_view_if_needed()
    expect(feedback_region(page)).to_be_in_viewport()
    assert_no_sideways_scroll(page, "quiz page with feedback")
    page.get_by_role("link", name="Back to the article").click()
    expect(article).to_be_in_viewport()

    feedback_region(page).get_by_role("link", name=re.compile("next question", re.I)).click()
    expect(heading).not_to_have_text(question.prompt)
    answer_every_question(page, demo, first_wrong=False)
    finish_quiz(page)
    assert_no_sideways_scroll(page, "results page")

    for name, argument in (("assignment_board", assignment.pk), ("classroom_board", assignment.classroom_id)):
        page.goto(demo.path(name, argument))
        assert_on_page(page, path=demo.path(name, argument), heading="Leaderboard")
        assert_no_sideways_scroll(page, f"{name} page")


def test_teacher_pages_fit_a_phone_and_the_projector_table_keeps_its_headers(demo, new_context):
    # The article list was 496 px wide on a 390 px phone, each title wrapped a word a line; the projector
    # hid its fourth header but not the cells under it.
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    assignment = demo.assignment()
    login(page, "teacher")
    pages = {
        "home": (),
        "article_list": (),
        "article_detail": (assignment.article_id,),
        "teacher_report": (assignment.pk,),
        "projector_for_teacher": (assignment.classroom_id,),
    }
    for name, arguments in pages.items():
        page.goto(demo.path(name, *arguments))
        expect(page.locator("h1").first).to_be_visible()
        assert_no_sideways_scroll(page, f"{name} page")
    headers = page.locator(".board__table thead th:visible").count()
    cells = page.locator(".board__table tbody tr").first.locator("td:visible").count()
    assert headers == cells == 4, (headers, cells)
