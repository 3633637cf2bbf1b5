"""The same properties on Wikipedia paragraphs from XQuAD (data/eval, CC BY-SA 4.0)."""

from .checks import assert_answers_in_evidence, assert_choices_sane, assert_no_leaks, assert_unique_answers


def test_every_paragraph_yields_questions_in_several_forms(xquad_runs):
    assert len(xquad_runs) >= 5
    for _text, drafts in xquad_runs:
        assert len(drafts) >= 5
        assert len({d.form for d in drafts[:10]}) >= 3, [d.form for d in drafts[:10]]


def test_answers_stand_verbatim_in_one_sentence(xquad_runs):
    for text, drafts in xquad_runs:
        assert_answers_in_evidence(text, drafts)


def test_no_prompt_gives_its_answer_away(xquad_runs):
    for _text, drafts in xquad_runs:
        assert_no_leaks(drafts)


def test_no_two_drafts_share_an_answer(xquad_runs):
    for _text, drafts in xquad_runs:
        assert_unique_answers(drafts)


def test_options_are_distinct_and_include_the_answer(xquad_runs):
    for _text, drafts in xquad_runs:
        assert_choices_sane(drafts)


def test_top_ten_finds_answers_people_asked_for(xquad):
    """The Super Bowl paragraph: people asked how many points the defence gave up (308)."""
    from quizzes.generation import generate_questions

    para = xquad["data"][0]["paragraphs"][0]
    top = generate_questions(para["context"])[:10]
    assert any(d.answer == "308" and d.prompt.startswith("How many points") for d in top)
