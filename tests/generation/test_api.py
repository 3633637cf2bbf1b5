"""The contract other tools rely on: names, fields, determinism, and no spaCy at import time."""

import re
import subprocess
import sys

import pytest

from quizzes.generation import GENERATOR_VERSION, Draft, generate_questions, question_for_answer

FIELDS = {
    "prompt",
    "answer",
    "kind",
    "choices",
    "accepted_answers",
    "evidence_start",
    "evidence_end",
    "score",
    "form",
}


def test_importing_the_package_does_not_load_spacy():
    code = "import sys, quizzes.generation; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert result.stdout.strip() == "False"


def test_the_package_has_no_django_imports():
    code = "import sys, quizzes.generation; print(any(m.startswith('django') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert result.stdout.strip() == "False"


def test_version_is_named():
    assert re.fullmatch(r"passage-qg-\d+", GENERATOR_VERSION)


def test_drafts_carry_the_documented_fields(mosul_drafts):
    d = mosul_drafts[0]
    assert isinstance(d, Draft)
    data = d.to_dict()
    assert set(data) == FIELDS
    assert isinstance(data["choices"], list) and d.kind in ("multiple_choice", "true_false", "short_answer")
    assert all(isinstance(x.score, float) for x in mosul_drafts)


def test_drafts_come_best_first_within_the_limit(mosul_text):
    drafts = generate_questions(mosul_text, limit=5)
    assert len(drafts) == 5


def test_output_is_deterministic(mosul_text, mosul_drafts):
    assert generate_questions(mosul_text) == mosul_drafts


def test_question_for_answer_keeps_the_exact_selection(mosul_text):
    start = mosul_text.index("Abu Bakr al-Baghdadi")
    draft = question_for_answer(mosul_text, start, start + len("Abu Bakr al-Baghdadi"))
    assert draft.answer == "Abu Bakr al-Baghdadi"
    assert draft.prompt.startswith("Who") and "Abu" not in draft.prompt
    assert draft.answer in mosul_text[draft.evidence_start : draft.evidence_end]


def test_question_for_answer_asks_when_for_a_date(mosul_text):
    start = mosul_text.index("Monday")
    draft = question_for_answer(mosul_text, start, start + len("Monday"))
    assert draft.prompt == "When did Iraqi troops reach Mosul?"
    assert draft.kind == "multiple_choice" and "Monday" in draft.choices


@pytest.mark.parametrize(
    ("text", "selection", "prompt"),
    [
        (
            "Warsaw had many theatres. The Wojciech Bogusławski Theatre was the best example of Polish "
            "monumental theatre.",
            "Wojciech Bogusławski Theatre",
            "The _____ was the best example of Polish monumental theatre.",
        ),
        (
            "The drive was helped by a holding penalty. A holding penalty on cornerback Josh Norman gave the "
            "Broncos a new set of downs.",
            "Josh Norman",
            "A holding penalty on cornerback _____ gave the Broncos a new set of downs.",
        ),
        (  # the possessive's "'s" stands between the owner and the selection
            "Warsaw had many theatres. Warsaw's Grand Theatre was the best example of Polish monumental "
            "theatre.",
            "Grand Theatre",
            "Warsaw's _____ was the best example of Polish monumental theatre.",
        ),
        (  # the selection modifies a noun left outside it
            "The drive was helped by a holding penalty. A holding penalty on cornerback Josh Norman gave the "
            "Broncos a new set of downs.",
            "Josh",
            "A holding penalty on cornerback _____ Norman gave the Broncos a new set of downs.",
        ),
        (  # "a population of how many?" is no question
            "Mosul lies on the Tigris. The city had a population of 1.2 million before the war.",
            "1.2 million",
            "The city had a population of _____ before the war.",
        ),
        (  # one item of a list that goes on: "The theatre complex included what, Warsaw's first …?"
            "Nearby, the Summer Theatre was in operation from 1870 to 1939, and in the inter-war period, the "
            "theatre complex also included Momus, Warsaw's first literary cabaret, and Leon Schiller's "
            "musical theatre Melodram.",
            "Momus",
            "The theatre complex included _____, Warsaw's first literary cabaret, and Leon Schiller's "
            "musical theatre Melodram.",
        ),
        (  # "A coalition of forces including the Iraqi army and special forces, what and Shia militias …?"
            "A coalition of forces - including the Iraqi army and special forces, Kurdish Peshmerga and Shia "
            "militias - and backed by US-led air strikes, has been fighting to retake the area.",
            "Kurdish Peshmerga",
            "A coalition of forces including the Iraqi army and special forces, _____ and Shia militias has "
            "been fighting.",
        ),
    ],
)
def test_question_for_answer_blanks_a_selection_a_wh_word_cannot_replace(text, selection, prompt):
    # "The what was the best example …?" is not English: a phrase cut in two reads as a fill-in-the-blank.
    start = text.index(selection)
    draft = question_for_answer(text, start, start + len(selection))
    assert (draft.form, draft.prompt, draft.answer) == ("fill_blank", prompt, selection)


def test_question_for_answer_keeps_an_echo_question_after_a_preposition():
    text = "Nearby, in Ogród Saski, the Summer Theatre was in operation from 1870 to 1939."
    start = text.index("1870 to 1939")
    draft = question_for_answer(text, start, start + len("1870 to 1939"))
    assert draft.prompt.endswith("in operation from when?") and "_____" not in draft.prompt


def test_question_for_answer_asks_what_the_subject_is_for_the_complement_of_is(mosul_text):
    # "Baghdadi, an Iraqi whose real name is Ibrahim al-Samarrai": the in-place form read "Whose real name
    # is who?"; "whose" now reads as the man it refers to.
    start = mosul_text.index("Ibrahim al-Samarrai")
    draft = question_for_answer(mosul_text, start, start + len("Ibrahim al-Samarrai"))
    assert draft.prompt == "What is Baghdadi's real name?"


@pytest.mark.parametrize(
    ("sentence", "selection", "prompt"),
    [
        (
            "The war ended. The soldiers, whose commander was John Smith, went home.",
            "John Smith",
            "Who was the soldiers' commander?",
        ),
        (
            "The war ended. The man, whose name was John Smith, went home.",
            "John Smith",
            "What was the man's name?",
        ),
    ],
)
def test_whose_reads_as_its_owner_with_the_right_possessive(sentence, selection, prompt):
    start = sentence.index(selection)
    assert question_for_answer(sentence, start, start + len(selection)).prompt == prompt


def test_question_for_answer_asks_how_long_for_a_span_after_for(mosul_text):
    start = mosul_text.index("the past two weeks")
    draft = question_for_answer(mosul_text, start, start + len("the past two weeks"))
    assert draft.prompt.endswith("to retake the area for how long?"), draft.prompt


def test_question_for_answer_in_a_joined_verb_keeps_only_the_shared_subject(mosul_text):
    # "Iraqi troops reached Mosul on Monday but have been held up by Isis snipers, …" read
    # "Iraqi troops reached Mosul have been held up by Isis _____, …": two verbs run into one.
    start = mosul_text.index("suicide attacks")
    draft = question_for_answer(mosul_text, start, start + len("suicide attacks"))
    assert draft.prompt == (
        "Iraqi troops have been held up by Isis snipers, improvised explosive devices and what?"
    ), draft.prompt


@pytest.mark.parametrize(
    ("selection", "prompt"),
    [
        ("Boris Johnson", 'Who said intelligence suggested he had "vacated the scene"?'),
        (
            "British Foreign Secretary Boris Johnson",
            'Who said intelligence suggested he had "vacated the scene"?',
        ),
    ],
)
def test_question_for_answer_asks_who_for_the_subject_of_with_x_saying(mosul_text, selection, prompt):
    # "…, with British Foreign Secretary Boris Johnson saying intelligence suggested …" was blanked as
    # "British Foreign Secretary _____ saying.", which is no sentence.
    start = mosul_text.index(selection)
    draft = question_for_answer(mosul_text, start, start + len(selection))
    assert (draft.prompt, draft.answer) == (prompt, selection)


def test_question_for_answer_asks_what_for_a_thing_doing_something_after_with():
    text = "The town flooded in spring, with the river rising above its banks."
    start = text.index("the river")
    assert question_for_answer(text, start, start + len("the river")).prompt == "What rose above its banks?"


def test_question_for_answer_makes_no_question_rather_than_a_bare_what():
    # A whole clause selected leaves only its wh-word: "What?" would be no question at all.
    text = (
        "The Amazon represents over half of the planet's remaining rainforests, and comprises the largest "
        "tract of tropical rainforest."
    )
    selection = "The Amazon represents over half of the planet's remaining rainforests"
    assert question_for_answer(text, 0, len(selection)) is None


@pytest.mark.parametrize("selection", ["the", "of the", "and"])
def test_question_for_answer_makes_no_question_about_words_that_name_nothing(mosul_text, selection):
    # Selecting "the" made "_____ city, which still has a population …", a blank with nothing to fill.
    start = mosul_text.index(f" {selection} ") + 1
    assert question_for_answer(mosul_text, start, start + len(selection)) is None


def test_question_for_answer_refuses_spans_outside_the_text(mosul_text):
    assert question_for_answer(mosul_text, -1, 5) is None
    assert question_for_answer(mosul_text, 10, 5) is None
    assert question_for_answer(mosul_text, 0, len(mosul_text) + 1) is None


def test_question_for_answer_inside_a_participle_echoes_the_participle_statement():
    # The clause cut short read "… gave up just 308 points ranking leading the NFL … with how many?"
    text = (
        "The Panthers defense gave up just 308 points, ranking sixth in the league, while also leading the "
        "NFL in interceptions with 24 and boasting four Pro Bowl selections. It was a fine year for the team."
    )
    start = text.index("24")
    draft = question_for_answer(text, start, start + 2)
    assert draft.prompt == "The Panthers defense led the NFL in interceptions with how many?"
