"""Ages: the small model tags "age 38" and "65 years old" as dates, which asked "at age when?" and
"How long was she?". Each case failed before passage-qg-6."""

import pytest

from quizzes.generation import generate_questions, question_for_answer

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


def test_a_generated_age_is_answered_by_its_number_among_ages_a_person_can_have():
    # Halving and doubling gave "the age of 130" and "180 years old" for wrong choices; and "she" of "The
    # mayor said she would retire" went to John Elway, the last name before it ("At what age would John …?").
    text = f"{SPORT} {RETIRING} Her father was 92 years old when he died."
    drafts = {d.prompt: d for d in generate_questions(text, limit=20)}
    for prompt, answer in (("At what age would the mayor retire?", 65), ("How old was her father?", 92)):
        draft = drafts[prompt]
        assert draft.answer == str(answer)
        assert all(abs(int(choice) - answer) <= 12 and int(choice) <= 110 for choice in draft.choices), draft
