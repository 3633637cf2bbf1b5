"""Issue 4: colour is never the only sign of right or wrong; words (and symbols) say it too."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    answer_every_question,
    current_question,
    feedback_region,
    fill_answer,
    finish_quiz,
    login,
    open_demo_quiz,
    question_heading,
    right_answer,
    submit_answer,
    wrong_answer,
)

pytestmark = pytest.mark.e2e


def test_feedback_and_results_say_right_or_wrong_in_words(demo, page):
    login(page, "student1")
    open_demo_quiz(page)
    question = current_question(page, demo)
    fill_answer(page, question, wrong_answer(question))
    submit_answer(page)
    verdict = feedback_region(page)
    expect(verdict).to_contain_text("Not quite")
    expect(verdict).to_contain_text(f"The answer is {right_answer(question)}")
    expect(verdict).to_contain_text("✗")

    verdict.get_by_role("link", name=re.compile("next question", re.I)).click()
    expect(question_heading(page)).not_to_have_text(question.prompt)
    second = current_question(page, demo)
    fill_answer(page, second, right_answer(second))
    submit_answer(page)
    expect(verdict).to_contain_text("Correct")
    expect(verdict).to_contain_text("✓")
    expect(verdict).not_to_contain_text("Not quite")

    verdict.get_by_role("link", name=re.compile("next question", re.I)).click()
    expect(question_heading(page)).not_to_have_text(second.prompt)
    answer_every_question(page, demo, first_wrong=False)
    finish_quiz(page)
    reviews = page.get_by_role("listitem").filter(has=page.get_by_role("heading", level=2))
    expect(reviews.filter(has_text=question.prompt)).to_contain_text("Not quite")
    expect(reviews.filter(has_text=second.prompt)).to_contain_text("Correct")


def test_teacher_report_marks_answers_with_words_not_only_colour(demo, page):
    login(page, "teacher")
    page.goto(demo.path("teacher_report", demo.assignment().pk))
    grid = page.get_by_role("region", name="Answers by student").get_by_role("table")
    # A visible symbol for sighted readers, a word for screen readers; the cell colour only repeats them.
    expect(grid.locator("td").filter(has_text=re.compile(r"^\s*✓\s+correct"))).not_to_have_count(0)
    expect(grid.locator("td").filter(has_text=re.compile(r"^\s*✗\s+wrong"))).not_to_have_count(0)
