"""Ages: the small model tags "age 38" and "65 years old" as dates, which asked "at age when?" and
"How long was she?". Each case failed before passage-qg-6."""

import pytest

from quizzes.generation import question_for_answer

SPORT = "John Elway led the Broncos to victory in Super Bowl XXXIII at age 38 and now manages the team."
RETIRING = "The mayor said she would retire at the age of 65 next spring."
OLD = "She was 65 years old when she retired."


@pytest.mark.parametrize(
    ("text", "selection", "prompt"),
    [
        (SPORT, "38", "… at what age?"),  # the rest of the echo is not what this checks
        (RETIRING, "65", "At what age would she retire?"),
        (RETIRING, "the age of 65", "She would retire at what age next spring?"),
        (OLD, "65", "How old was she?"),
    ],
)
def test_ask_about_an_age_asks_what_age_or_how_old(text, selection, prompt):
    start = text.index(selection)
    draft = question_for_answer(text, start, start + len(selection))
    assert draft.answer == selection
    if prompt.startswith("… "):
        assert draft.prompt.startswith("John Elway led the Broncos") and draft.prompt.endswith(prompt[2:])
    else:
        assert draft.prompt == prompt
