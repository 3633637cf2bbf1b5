"""A short local-news article of the kind a teacher brings in: names with titles, quotes reported with
"said", amounts, a year and a duration. Each case failed on the generator before passage-qg-5."""

import pytest

from quizzes.generation import generate_questions, question_for_answer

ARTICLE = """The Springfield city council voted 7 to 2 on Tuesday to build protected bike lanes along Main \
Street, ending a debate that lasted nearly three years.

The project will cost $4.2 million and is expected to be finished by September 2027. Mayor Linda Torres \
said the lanes would make the street safer for the 3,000 cyclists who use it every day.

Shop owners on Main Street had opposed the plan because it removes 120 parking spaces. Carlos Mendez, who \
runs a bakery near the town hall, said he feared losing customers who drive.

Supporters pointed to a 2023 study by the state transportation department, which found that protected \
lanes cut injuries by 40 percent in similar cities.

Construction will begin in March, and the council promised to keep at least one lane open to cars during \
the work.
"""


@pytest.fixture(scope="module")
def drafts():
    return generate_questions(ARTICLE, limit=40)


@pytest.mark.parametrize(
    ("selection", "prompt"),
    [
        # "Who said?" was too short to offer: the words said are the question.
        ("Carlos Mendez", "Who said he feared losing customers?"),
        ("Mayor Linda Torres", "Who said the lanes would make the street safer for the 3,000 cyclists?"),
        ("Linda Torres", "Mayor _____ said the lanes would make the street safer for the 3,000 cyclists."),
        # "A debate lasted when?" (and "nearly when?") for a duration
        ("nearly three years", "A debate lasted how long?"),
        ("three years", "A debate lasted how long?"),
        # "The lanes would make how many cyclists?" lost the words between the verb and the number
        ("3,000", "The lanes would make the street safer for how many cyclists?"),
    ],
)
def test_ask_about_this_in_reported_speech_and_amounts(selection, prompt):
    start = ARTICLE.index(selection)
    draft = question_for_answer(ARTICLE, start, start + len(selection))
    assert draft is not None, selection
    assert (draft.prompt, draft.answer) == (prompt, selection)


def test_ask_about_this_asks_how_often_for_every_few_years():
    text = "The parliament sits in Vienna. Parliament elections take place every five years."
    start = text.index("every five years")
    draft = question_for_answer(text, start, start + len("every five years"))
    assert draft.prompt == "How often do parliament elections take place?"


def test_a_common_noun_opening_a_sentence_loses_its_capital(drafts):
    prompts = [d.prompt for d in drafts]
    assert "When will construction begin?" in prompts, prompts
    assert not [p for p in prompts if " Construction " in p and not p.startswith("True or false")], prompts


def test_a_year_the_tagger_calls_a_number_gets_years_for_wrong_choices(drafts):
    blank = next(d for d in drafts if d.answer == "2023")
    wrong = [int(option) for option in blank.choices if option != "2023"]
    assert wrong and all(abs(year - 2023) <= 10 for year in wrong), blank.choices


@pytest.mark.parametrize(
    ("selection", "prompt"),
    [
        # "Who spoke at the meeting?" had three right answers: a student naming residents was marked wrong.
        ("teachers", "Besides residents and shop owners, who spoke at the meeting on Tuesday?"),
        ("Residents", "Besides shop owners and teachers, who spoke at the meeting on Tuesday?"),
        ("shop owners and teachers", "Besides residents, who spoke at the meeting on Tuesday?"),
        # "near the new library" hangs on "parking" but belongs to the whole list, not to the first item
        ("noise", "Besides parking and traffic, what did some residents worry about?"),
        ("parking", "Besides traffic and noise, what did some residents worry about?"),
        # "Besides the park or the school" would ask about neither: an "or" list keeps its blank or echo
        ("the park", "Councillors will choose between _____ or the school."),
        # part of one item is no item: the others cannot be named around it
        ("owners", "Residents, shop _____ and teachers spoke at the meeting on Tuesday."),
    ],
)
def test_ask_about_one_item_of_a_list_names_the_others_so_it_has_one_answer(selection, prompt):
    text = (
        "Residents, shop owners and teachers spoke at the meeting on Tuesday. Some residents worried about "
        "parking, traffic and noise near the new library. Councillors will choose between the park or the "
        "school."
    )
    start = text.index(selection)
    assert question_for_answer(text, start, start + len(selection)).prompt == prompt


def test_names_after_a_title_are_asked_and_offered_without_it():
    # The model read "Councillor Tom Reed" as one name but "Mayor Linda Torres" as a title and a name: the
    # mayor's question offered "Councillor Tom Reed" ("Mayor Councillor Tom Reed"), and the councillor's
    # answer was the only choice with a title.
    text = ARTICLE + (
        "\nCouncillor Tom Reed, who voted against the plan, said the money should go to schools. Police "
        "Chief Maria Gomez said she welcomed the lanes.\n"
    )
    drafts = {d.answer: d for d in generate_questions(text, limit=60) if d.kind == "multiple_choice"}
    assert drafts["Tom Reed"].prompt.startswith("Councillor _____, who voted against the plan"), drafts
    for name in ("Linda Torres", "Tom Reed", "Maria Gomez"):
        assert sorted(drafts[name].choices) == sorted(
            {"Linda Torres", "Tom Reed", "Maria Gomez", "Carlos Mendez"}
        ), drafts[name]
