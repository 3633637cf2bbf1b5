"""'Next question' shows the panel that came with the answer (static/js/next.js): at once, with no request.

The swap being instant, the second click of a double click on 'Next question' would otherwise land on the
new question under the pointer, often a choice, and pick an answer the student never chose.
"""

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    current_question,
    feedback_region,
    fill_answer,
    login,
    open_demo_quiz,
    question_heading,
    right_answer,
    submit_answer,
)

pytestmark = pytest.mark.e2e

# Press "Next question", then at once a click that is the second of a double click (detail 2) on the first
# choice of the new question, as a double click's second click lands on whatever is under the pointer.
NEXT_THEN_SECOND_CLICK = """() => {
  document.querySelector("a[data-next-template]").click();
  const label = document.querySelector("#question-panel .choice-option label");
  if (!label) { return "no choices"; }
  label.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true, detail: 2}));
  return document.getElementById(label.htmlFor).checked ? "picked" : "not picked";
}"""


def test_the_second_click_of_a_double_click_on_next_does_not_pick_a_choice(demo, page):
    login(page, "student1")
    open_demo_quiz(page)
    outcomes = []
    while True:  # up to a question whose next one has choices to land on
        question = current_question(page, demo)
        fill_answer(page, question, right_answer(question))
        submit_answer(page)
        expect(feedback_region(page)).to_contain_text("Correct")
        if page.locator("a[data-next-template]").count() == 0:
            break
        outcomes.append(page.evaluate(NEXT_THEN_SECOND_CLICK))
        expect(question_heading(page)).not_to_have_text(question.prompt)
        if outcomes[-1] != "no choices":
            break
    assert outcomes and outcomes[-1] == "not picked", outcomes
    # A deliberate click a moment later picks the choice as usual.
    first_choice = page.locator("#question-panel").get_by_role("radio").first
    first_choice.check()
    expect(first_choice).to_be_checked()
    expect(page).to_have_url(re.compile(r"/attempt/\d+/question/\d+/$"))


def test_back_and_forward_after_next_show_the_attempt_as_it_is(demo, page):
    # Back used to change only the address (the page kept the later question), and Forward from the
    # dashboard showed a copy from before the answer: "0 answered", and a form the server then refused.
    login(page, "student1")
    open_demo_quiz(page)
    progress = page.locator("#progress")
    question = current_question(page, demo)
    fill_answer(page, question, right_answer(question))
    submit_answer(page)
    expect(feedback_region(page)).to_contain_text("Correct")
    answered = re.search(r"(\d+) answered", progress.inner_text()).group(0)
    page.get_by_role("link", name="Next question").click()
    expect(question_heading(page)).not_to_have_text(question.prompt)
    second = question_heading(page).inner_text()

    page.go_back()
    expect(progress).to_contain_text(answered)
    expect(page.locator("#question-panel")).not_to_contain_text(question.prompt)  # answered: not asked again
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"/attempt/"))
    page.go_forward()
    expect(progress).to_contain_text(answered)
    page.go_forward()
    expect(question_heading(page)).to_have_text(second)
    expect(progress).to_contain_text(answered)
