"""A by-election report: parties, candidates with their votes, a turnout and a councillor who resigned.
The small model calls "Turnout" a person, "a local GP" an organisation and "Conservative" a nationality, and
"Price said she …" opens with a word it tags a common noun. Each case failed before passage-qg-6."""

import pytest

from quizzes.generation import generate_questions

ARTICLE = """The Green Party has won a seat on Northfield district council for the first time, taking the \
Riverside ward in a by-election on Thursday.

Dr. Hannah Price, a local GP, received 1,204 votes, or 41 percent of the total. The Labour candidate, \
Paul Ashworth, came second with 987 votes, and the Conservative candidate, Susan Reid, was third with \
702.

Turnout was 28 percent, up from 19 percent at the last by-election in 2019. The seat became vacant in \
August when councillor Brian Holt resigned for health reasons after 14 years in the role.

Price said she would push for safer crossings near the ward's two primary schools and for more frequent \
buses to the town centre. "People here told me they feel ignored," she said. "I intend to change that."

The council is controlled by Labour, which holds 31 of its 50 seats. The result does not change the \
balance of power, but party organisers said it showed that voters were willing to try something new.

The next full council elections will take place in May 2027.
"""

PEOPLE = {"Hannah Price", "Paul Ashworth", "Susan Reid", "Brian Holt"}


@pytest.fixture(scope="module")
def drafts():
    return {d.prompt: d for d in generate_questions(ARTICLE, limit=40)}


def test_turnout_is_no_person(drafts):
    # "Who was 28 percent up from 19 percent …?" (Turnout), and "Turnout" offered beside the candidates
    assert not [p for p, d in drafts.items() if d.answer == "Turnout" and p.startswith("Who")], list(drafts)
    assert not [p for p, d in drafts.items() if "Turnout" in d.choices], list(drafts)


def test_she_after_said_is_the_speaker(drafts):
    # "What would Brian Holt push for …?": "she" was the last person named before the sentence
    assert not [p for p in drafts if "Brian Holt push" in p or "Holt would" in p], list(drafts)
    assert [p for p in drafts if p.startswith("True or false: Price would push for safer crossings")], list(
        drafts
    )


def test_a_party_is_asked_who_with_parties_for_wrong_choices(drafts):
    # "What has won a seat …?" offered "GP" and the African Union; "the _____ candidate" offered "Greek"
    won = drafts["Who has won a seat on Northfield district council for the first time?"]
    assert won.answer == "The Green Party"
    assert "Labour" in won.choices and "GP" not in won.choices
    assert not {"the African Union", "Unicef", "Nato"} & set(won.choices)
    blank = next(d for d in drafts.values() if d.answer == "Conservative")
    assert "Labour" in blank.choices or "Green" in blank.choices, blank.choices
    assert not {"Greek", "Indian", "Iranian"} & set(blank.choices), blank.choices


def test_a_surname_is_offered_among_surnames(drafts):
    price = next(d for d in drafts.values() if d.answer == "Price" and d.choices)
    assert all(len(choice.split()) == 1 for choice in price.choices), price.choices


def test_a_span_after_after_is_no_when_and_first_time_no_what(drafts):
    # "After when did councillor Brian Holt resign …?" (14 years); "What has the party won a seat … for?"
    assert not [p for p in drafts if p.startswith("After when")], list(drafts)
    assert not [d for d in drafts.values() if d.answer in ("first time", "the first time")], list(drafts)


def test_the_balance_of_power_is_answered_whole(drafts):
    assert drafts["What does the result not change?"].answer == "balance of power"
