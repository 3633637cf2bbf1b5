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
