"""Issue 4: a student finishes the quiz with the keyboard alone, never the mouse.

After each swap the focus is on the new question (or on the feedback's next step), so a keyboard or screen
reader user never has to hunt for it; the verdict is announced through an aria-live region.
"""

import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from quizzes.models import Question

from .helpers import DEMO_PASSWORD, current_question, feedback_region, question_heading, right_answer

pytestmark = pytest.mark.e2e
MAX_TABS = 40


def focused_matches(page: Page, selector: str) -> bool:
    return page.evaluate("(selector) => !!document.activeElement?.matches(selector)", selector)


def expect_focus(page: Page, selector: str, why: str) -> None:
    """Wait (briefly: focus moves once HTMX settles the swap) for the focus to land on `selector`."""
    try:
        page.wait_for_function(
            "(selector) => !!document.activeElement?.matches(selector)", arg=selector, timeout=5000
        )
    except PlaywrightTimeoutError:
        focused = page.evaluate("document.activeElement?.outerHTML.slice(0, 200)")
        raise AssertionError(f"{why}: focus is on {focused}") from None


def tab_to(page: Page, selector: str, *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(MAX_TABS):
        if focused_matches(page, selector):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached {selector}")


def sign_in_by_keyboard(page: Page, username: str) -> None:
    page.goto("/login/")
    tab_to(page, "input[name=username]")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("My quizzes")


def choose_by_keyboard(page: Page, question: Question) -> None:
    answer = right_answer(question)
    if question.kind == Question.Kind.SHORT_ANSWER:
        tab_to(page, "#question-panel input[type=text]")
        page.keyboard.type(answer)
    else:
        labels = [text.strip() for text in page.locator("#question-panel label").all_inner_texts()]
        tab_to(page, "#question-panel input[type=radio]")
        # Arrow keys move through a radio group and select as they go; Space selects the first.
        page.keyboard.press("Space")
        for _ in range(labels.index(answer)):
            page.keyboard.press("ArrowDown")
        expect(page.get_by_role("radio", name=answer, exact=True)).to_be_checked()
    tab_to(page, "#question-panel button[type=submit]")
    page.keyboard.press("Enter")


def test_student_finishes_the_quiz_with_the_keyboard_alone(demo, page):
    sign_in_by_keyboard(page, "student1")
    tab_to(page, "button[type=submit]:not(.link-button)")  # "Start", not "Sign out"
    page.keyboard.press("Enter")
    expect(question_heading(page)).to_be_visible()

    total = demo.assignment().items.count()
    for number in range(1, total + 1):
        question = current_question(page, demo)
        choose_by_keyboard(page, question)
        live = feedback_region(page)
        expect(live).to_have_attribute("aria-live", re.compile("polite|assertive"))
        expect(live).to_contain_text("Correct")
        # Focus went with the swap to the next step, not back to the top of the page.
        next_step = "#feedback a" if number < total else "#feedback button"
        expect_focus(page, next_step, f"after answer {number} the next step is not focused")
        page.keyboard.press("Enter")
        if number == total:
            break
        expect(question_heading(page)).not_to_have_text(question.prompt)
        expect_focus(page, "#question-panel #question-heading", f"question {number + 1} is not focused")
        expect(question_heading(page)).to_be_in_viewport()

    expect(page).to_have_url(re.compile(r"/results/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Results")
