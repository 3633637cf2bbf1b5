"""Arbitrary text never crashes the generator: it refuses with GenerationError or returns sound drafts."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.generation import GenerationError, generate_questions, question_for_answer

WORDS = st.sampled_from(
    "The army Iraqi forces entered Mosul on Monday in 2014 . , 100,000 he said : “ ” ( ) - which who was "
    "announced a city of the Baghdadi 7,500 \n\n However".split(" ")
)
SENTENCEISH = st.lists(WORDS, min_size=0, max_size=80).map(" ".join)
MOSUL_LINES = [
    line
    for line in (Path(__file__).resolve().parents[2] / "data" / "articles" / "mosul-offensive.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
# Real article lines, reordered, cut and salted with arbitrary characters: exercises the whole pipeline.
ARTICLEISH = st.lists(
    st.tuples(st.sampled_from(MOSUL_LINES), st.integers(0, 300), st.text(max_size=5)), min_size=1, max_size=6
).map(lambda parts: "\n\n".join(line[:cut] + salt + line[cut:] for line, cut, salt in parts))
TEXT = st.one_of(st.text(max_size=400), SENTENCEISH, ARTICLEISH)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_generate_questions_refuses_or_returns_sound_drafts(text):
    try:
        drafts = generate_questions(text)
    except GenerationError as error:
        assert str(error).startswith("No questions could be generated")
        return
    for d in drafts:
        assert 0 <= d.evidence_start < d.evidence_end <= len(text)
        if d.kind != "true_false":
            assert d.answer in text[d.evidence_start : d.evidence_end]


@SETTINGS
@given(TEXT, st.integers(-5, 500), st.integers(-5, 500))
def test_question_for_answer_keeps_offsets_inside_the_text(text, start, end):
    try:
        draft = question_for_answer(text, start, end)
    except GenerationError:
        return
    if draft is not None:
        assert 0 <= start < end <= len(text)
        assert draft.answer == text[start:end].strip()
        assert 0 <= draft.evidence_start < draft.evidence_end <= len(text)
        assert draft.answer in text[draft.evidence_start : draft.evidence_end]
