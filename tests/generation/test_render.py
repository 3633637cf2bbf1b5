"""Moving a phrase out of the front of a sentence: its capital goes, unless it names something."""

from types import SimpleNamespace

from quizzes.generation.render import lower_first


def token(text: str, pos: str, ent_type: str = ""):
    # Mid-sentence, outside any entity: lower_first also asks whether a capital only starts a sentence.
    word_before = SimpleNamespace(text="and", is_space=False)
    return SimpleNamespace(
        text=text, pos_=pos, ent_type_=ent_type, is_sent_start=False, ent_iob_="O", i=1, doc=[word_before]
    )


def test_a_function_word_loses_its_capital_even_where_the_sentence_break_was_missed():
    doc = [token("After", "ADP")]
    assert lower_first(doc, "After entering the city", 0) == "after entering the city"


def test_an_acronym_keeps_its_capitals_even_when_the_tagger_calls_it_a_pronoun():
    # spaCy's small model sometimes tags "US" as PRON and finds no entity: "uS-led" would follow.
    doc = [token("US", "PRON")]
    assert lower_first(doc, "US-led air strikes", 0) == "US-led air strikes"
    assert lower_first([token("I", "PRON")], "I", 0) == "I"
