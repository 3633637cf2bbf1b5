"""A history text of the kind a teacher brings in: a participle after a place ("a bakery on Pudding Lane
owned by …"), an event named with "the", a diarist. Each case failed on the generator before passage-qg-5."""

import pytest

from quizzes.generation import generate_questions

ARTICLE = """The Great Fire of London began on 2 September 1666 in a bakery on Pudding Lane owned by Thomas \
Farriner. Fanned by a strong east wind, the flames spread quickly through the narrow streets of wooden houses.

Over four days the fire destroyed more than 13,000 houses and 87 churches, including St Paul's Cathedral. \
About 70,000 of the city's 80,000 inhabitants were left homeless.

The diarist Samuel Pepys watched the fire from a boat on the River Thames. He buried his wine and a wheel \
of Parmesan cheese in his garden to protect them from the flames.

King Charles II ordered soldiers to pull down houses to create firebreaks. The fire was finally stopped on \
6 September, when the wind dropped.
"""


@pytest.fixture(scope="module")
def drafts():
    return generate_questions(ARTICLE, limit=40)


def test_a_participle_after_a_place_is_not_pinned_on_the_place(drafts):
    # The parser hung "owned by Thomas Farriner" on the lane: "Who owned Pudding Lane?" was offered as true.
    assert not [d.prompt for d in drafts if "owned Pudding Lane" in d.prompt]


def test_an_event_moved_into_a_question_keeps_its_name_and_loses_the_capital_of_its_the(drafts):
    prompts = [d.prompt for d in drafts]
    assert "When did the Great Fire of London begin in a bakery on Pudding Lane?" in prompts, prompts
    assert not [p for p in prompts if " The Great Fire" in p and not p.startswith("True or false")], prompts


def test_a_diarist_is_asked_about_with_who(drafts):
    prompts = [d.prompt for d in drafts]
    assert not [p for p in prompts if p.startswith("What watched")], prompts
