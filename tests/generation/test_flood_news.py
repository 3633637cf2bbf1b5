"""A flood-barrier story, written by a helper walking through Passage as a teacher: spans of years, a
frequency, and quotations that end a paragraph (after which the model often misses the next sentence's
start). Each case failed before passage-qg-6."""

import pytest

from quizzes.generation import generate_questions

ARTICLE = """Residents of Millbrook gathered on the riverbank on Saturday morning to watch the town's new \
flood barrier rise from the water for the first time, six years after the project was first approved by the \
county council.

The barrier, a row of 14 steel gates stretching 310 metres across the Wenn River, cost £28 million and \
is designed to protect about 2,400 homes from the kind of flooding that swept through the town in the \
winter of 2019. That flood forced more than 600 families from their homes and closed the town's only \
secondary school for five weeks.

"We have waited a long time for this day," said Mayor Priya Anand, who pressed the button that raised \
the gates. "Every family who lost a kitchen, a car or a business to the water in 2019 deserves to know \
that it will not happen again."

Construction began in March 2021 but was halted twice: first when engineers discovered that the riverbed \
was softer than surveys had shown, and again when the main contractor, Hallam Civil, went into \
administration in 2023. A second firm, Northgate Engineering, finished the work last month.

Engineers say the gates can be raised in under 40 minutes and can hold back water up to 4.2 metres above \
the normal river level. The Environment Agency will test the barrier every month and raise it whenever \
forecasts show a risk of high water.

Not everyone is celebrating. Some shop owners on Bridge Street, where the barrier's control building now \
stands, say the two years of roadworks drove customers away. "We lost a third of our trade," said Tom \
Fenwick, who has run a bakery on the street for 22 years. "The barrier is good news, but nobody has \
offered us anything for what we went through."

The county council said a support fund of £150,000 for local businesses would open in January, and that \
applications would be judged by an independent panel.

Scientists warn that the barrier alone will not be enough. Dr Leila Marsh, a hydrologist at the \
University of Castleford, said that heavier rainfall caused by climate change means rivers like the Wenn \
are likely to flood more often in the coming decades. "A barrier buys time," she said. "But towns also \
need to plant trees upstream and give rivers room to spread out safely."

The council has already begun planting 50,000 trees on farmland north of the town, a scheme it expects \
to complete by 2028.

For now, many residents are simply relieved. Sixty-eight-year-old Margaret Doyle, whose house was \
flooded to the ceiling in 2019, watched the gates rise with her grandchildren. "I slept badly every time \
it rained," she said. "Maybe this winter I will sleep."
"""


@pytest.fixture(scope="module")
def drafts():
    return {d.prompt: d for d in generate_questions(ARTICLE, limit=40)}


def test_spans_of_years_are_no_when(drafts):
    # "When was the project first approved by the county council?" (six years, of "six years after …");
    # "When drove customers away?" (the two years of roadworks)
    assert not [p for p, d in drafts.items() if p.startswith("When") and "years" in d.answer], list(drafts)
    assert not [p for p in drafts if "by six years" in p], list(drafts)
    # the clause without its span is still asked about, and the morning is asked "when"
    assert drafts["What was the project first approved by?"].answer == "the county council"
    assert drafts["When did residents of Millbrook gather on the riverbank?"].answer == "Saturday morning"


def test_a_sentence_after_a_quotation_loses_its_capital_when_moved(drafts):
    assert "When did construction begin?" in drafts, list(drafts)


def test_how_often_has_frequencies_for_wrong_choices(drafts):
    # "test _____" had "the barrier every month" for answer and "the coming decades" for a wrong choice
    often = next(d for d in drafts.values() if d.answer == "every month")
    assert all(choice.startswith("every ") for choice in often.choices), often.choices
    assert not [d for d in drafts.values() if d.answer == "the barrier every month"]
