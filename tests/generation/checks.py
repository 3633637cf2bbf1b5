"""What every set of drafts must satisfy, whatever the article: shared by the Mosul and XQuAD tests."""

from quizzes.generation.textnorm import content_tokens, normalize, tokens


def sentence_count(text: str) -> int:
    from quizzes.generation.loader import get_nlp

    return len(list(get_nlp()(text).sents))


def assert_answers_in_evidence(text, drafts):
    for d in drafts:
        evidence = text[d.evidence_start : d.evidence_end]
        assert 0 <= d.evidence_start < d.evidence_end <= len(text)
        if d.kind != "true_false":
            assert d.answer in evidence, (d.prompt, d.answer, evidence)
        assert sentence_count(evidence) == 1, evidence


def assert_no_leaks(drafts):
    for d in drafts:
        if d.kind == "true_false":
            continue
        shared = content_tokens(d.answer) & set(tokens(d.prompt))
        assert not shared, (d.prompt, d.answer)


def assert_unique_answers(drafts):
    keys = [normalize(d.answer) for d in drafts if d.kind != "true_false"]
    assert len(keys) == len(set(keys)), keys


def assert_choices_sane(drafts):
    for d in drafts:
        if d.kind == "multiple_choice":
            assert d.answer in d.choices and len(d.choices) == 4
            others = [normalize(c) for c in d.choices if c != d.answer]
            assert normalize(d.answer) not in others and len(set(others)) == 3, d.choices
        elif d.kind == "true_false":
            assert d.choices == ("True", "False") and d.answer in d.choices
