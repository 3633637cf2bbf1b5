"""Issue 4: axe finds no serious or critical violations on any student page, the report and the projector.

Each scan first checks it is on the intended page (URL and h1), so a sign-in redirect cannot pass for it.
The student pages are scanned in one walk through the quiz, including the states after HTMX swaps, and all
their findings are reported together.
"""

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    answer_every_question,
    assert_accessible,
    axe_blocking,
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


def test_sign_in_page(demo, page):
    page.goto(demo.path("login"))
    assert_accessible(page, path=demo.path("login"), heading="Sign in")


def test_every_student_page_including_after_htmx_swaps(demo, page):
    assignment = demo.assignment()
    found: dict[str, list[str]] = {}
    login(page, "student1")
    found["dashboard"] = axe_blocking(page, path=demo.path("home"), heading="My quizzes")

    page.get_by_label("Class code").fill("NOPE-NOPE")
    page.get_by_label(re.compile("your name", re.I)).fill("Ana")
    page.get_by_role("button", name="Join class").click()
    expect(page.get_by_role("alert")).to_contain_text("not recognised")
    found["dashboard, wrong class code"] = axe_blocking(
        page, path=demo.path("classroom_join"), heading="My quizzes"
    )

    open_demo_quiz(page)
    quiz_page = re.compile(r"/attempt/\d+/(question/\d+/)?$")
    found["quiz, first question"] = axe_blocking(page, path=quiz_page, heading=assignment.title)

    question = current_question(page, demo)
    fill_answer(page, question, right_answer(question))
    submit_answer(page)
    expect(feedback_region(page)).to_contain_text("Correct")
    found["quiz, feedback swapped in"] = axe_blocking(page, path=quiz_page, heading=assignment.title)

    feedback_region(page).get_by_role("link", name=re.compile("next question", re.I)).click()
    expect(question_heading(page)).not_to_have_text(question.prompt)
    found["quiz, next question swapped in"] = axe_blocking(page, path=quiz_page, heading=assignment.title)

    answer_every_question(page, demo, first_wrong=False)
    finish_quiz(page)
    found["results"] = axe_blocking(page, path=re.compile(r"/attempt/\d+/results/$"), heading="Results")

    page.goto(demo.path("assignment_board", assignment.pk))
    found["quiz leaderboard"] = axe_blocking(
        page, path=demo.path("assignment_board", assignment.pk), heading="Leaderboard"
    )
    page.goto(demo.path("classroom_board", assignment.classroom_id))
    found["class leaderboard"] = axe_blocking(
        page, path=demo.path("classroom_board", assignment.classroom_id), heading="Leaderboard"
    )
    assert {where: ids for where, ids in found.items() if ids} == {}


def test_teacher_report(demo, page):
    assignment = demo.assignment()
    login(page, "teacher")
    page.goto(demo.path("teacher_report", assignment.pk))
    assert_accessible(page, path=demo.path("teacher_report", assignment.pk), heading="Report")
    # The demo's finished attempts are in the grid, so the scan covered a filled-in report.
    grid = page.get_by_role("region", name="Answers by student").get_by_role("table")
    expect(grid).to_contain_text("✓")


def test_projector_board(demo, page):
    path = demo.board_path()
    page.goto(path)
    assert_accessible(page, path=path, heading=demo.assignment().classroom.name)
    expect(page.locator("#board").get_by_role("row")).not_to_have_count(0)
