"""Statements lifted from reported speech: whole, and about the people the sentence names."""

import re

from quizzes.generation import generate_questions

WAR_REPORT = (
    "Army commanders in Mosul said on Monday that the city would be retaken within weeks. "
    "Soldiers said the war would end by Christmas. Residents said they had not eaten for days."
)


def test_a_true_false_statement_never_leaves_out_what_was_said():
    # Made "True or false: Army commanders in Mosul said on Monday." before.
    statements = [d.prompt for d in generate_questions(WAR_REPORT) if d.form == "true_false"]
    assert statements, "the report still has statements to ask about"
    # A saying verb at the end, or followed only by when it was said, means what was said is missing.
    assert not [s for s in statements if re.search(r"\bsaid( on \w+)?\.$", s)], statements


def test_they_after_a_saying_verb_is_whoever_said_it():
    # "Residents said they had not eaten": they are the residents, not the soldiers of the sentence before.
    drafts = generate_questions(WAR_REPORT)
    about_eating = [d.prompt for d in drafts if "eaten" in d.prompt]
    assert about_eating and all("oldiers" not in p for p in about_eating), about_eating
    assert any("esidents" in p for p in about_eating), about_eating


def test_a_length_of_time_is_offered_beside_other_lengths_and_never_swapped_for_a_day():
    text = (
        "Army commanders in Mosul said on Monday that the city would be retaken within weeks. "
        "The coalition has been fighting to retake the area for the past two weeks."
    )
    drafts = generate_questions(text)
    span = next(d for d in drafts if d.answer == "the past two weeks")
    assert set(span.choices) == {
        "the past two weeks",
        "the past three weeks",
        "the past four weeks",
        "the past five weeks",
    }
    # Made "True or false: The coalition has been fighting to retake the area for Monday." before.
    assert not any("for Monday" in d.prompt for d in drafts)
    # "Within weeks" answers no "when": made "When would the city be retaken?" (weeks) before.
    assert not any(d.prompt.startswith("When would the city be retaken") for d in drafts)


def test_since_after_a_first_or_a_record_is_not_asked_as_since_when(mosul_drafts):
    # "his first audio message since last December" made "Since when did the battle for Mosul lead Baghdadi
    # to release his first audio message?", which means something else.
    record = (
        "Prices rose at their fastest rate since 2008, officials said on Monday. Shoppers bought less food."
    )
    assert not [d.prompt for d in generate_questions(record) if d.prompt.startswith("Since when")]
    asked = [d.prompt for d in mosul_drafts if d.prompt.startswith("Since when")]
    assert not [p for p in asked if "first audio message" in p], asked
    # "Since when have Isis fighters taken control …?" (since the summer of 2014) is still asked.
    assert any("taken control" in p for p in asked), asked


def prompts_of(text: str) -> list[str]:
    return [d.prompt for d in generate_questions(text)]


def test_a_speaker_named_after_the_pronoun_is_not_what_it_stands_for():
    # "It will end before the winter, the army said" made "Before when will the army end?" (true/false too).
    text = (
        "The offensive against the city began in October. It will end before the winter, the army said. "
        "Officials expect heavy losses."
    )
    assert not [p for p in prompts_of(text) if "army will end" in p.lower() or "will the army end" in p]


def test_for_a_date_asks_when_and_for_a_length_of_time_never_strands_the_preposition():
    text = (
        "The council has scheduled the final vote on the new bridge for March 3. Residents have opposed the "
        "plan for two years. The mayor supports it."
    )
    prompts = prompts_of(text)
    assert "When has the council scheduled the final vote on the new bridge?" in prompts
    assert not [p for p in prompts if p.startswith(("When", "How long")) and p.endswith(" for?")], prompts


def test_since_and_over_still_ask_when_about_a_point_in_time():
    prompts = prompts_of(
        "The largest city in the region has been under siege since June. The tallest tower has stood empty "
        "since 2015. Nobody knows why."
    ) + prompts_of(
        "The troops stayed in the village over the summer. Prices rose over two decades. Farmers worried."
    )
    assert "Since when has the largest city in the region been under siege?" in prompts
    assert "When did the troops stay in the village?" in prompts
    assert not [p for p in prompts if p.startswith("When did prices rise")], prompts  # over two decades


def test_a_length_of_time_is_told_from_a_point_in_time():
    from quizzes.generation.textnorm import is_span

    assert [is_span(d) for d in ("two years", "the past two weeks", "a century", "three decades")] == [
        True
    ] * 4
    assert [is_span(d) for d in ("Monday", "last year", "two years ago", "March 3")] == [False] * 4
