"""A science story of the kind a teacher brings in: a team "led by" someone, a quotation cut at its comma,
an amount of money that describes a grant. Each case failed on the generator before passage-qg-5."""

import pytest

from quizzes.generation import generate_questions

ARTICLE = """Scientists at the University of Leeds have found that a common garden beetle can survive \
temperatures as low as minus 30 degrees Celsius, a discovery that could help researchers store donated \
organs for longer.

The team, led by Professor Anna Kowalski, studied more than 2,000 beetles collected from farms in \
Yorkshire over four winters. They found that the insects produce a natural antifreeze protein that stops \
ice crystals from forming inside their cells.

"We were surprised by how quickly the beetles recovered," Kowalski said. "Within an hour of warming up, \
most of them were walking normally."

Hospitals currently have to transplant a donated heart within about six hours. If the protein can be \
copied in a laboratory, doctors believe that window could be extended to several days.

The research, published on Wednesday in the journal Nature Communications, was funded by a £1.5 million \
grant from the Wellcome Trust. The team now plans to test the protein on animal tissue, starting next \
spring.
"""


@pytest.fixture(scope="module")
def drafts():
    return generate_questions(ARTICLE, limit=40)


def test_the_patient_of_led_by_loses_the_capital_it_had_at_the_sentence_start(drafts):
    asked = {d.prompt: d.answer for d in drafts}
    assert asked.get("Who led the team?") == "Anna Kowalski", asked
    assert not [p for p in asked if " The team" in p and not p.startswith("True or false")], asked


def test_a_quotation_cut_at_its_comma_is_asked_without_the_comma(drafts):
    said = [d.prompt for d in drafts if d.form == "who_said"]
    assert said == ["Who said “We were surprised by how quickly the beetles recovered”?"], said


def test_money_that_describes_a_grant_is_not_asked_as_by_how_much(drafts):
    prompts = [d.prompt for d in drafts]
    assert not [p for p in prompts if "how much" in p.lower() and "funded" in p], prompts
    blank = next(d for d in drafts if d.answer == "£1.5 million")
    assert blank.prompt.startswith("The research, published on Wednesday") and "a _____ grant" in blank.prompt
