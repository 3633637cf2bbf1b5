"""The short list keeps a few true/false drafts, which the ranking puts last (plain Python, no spaCy)."""

from quizzes.generation import Draft, with_true_false


def draft(n: int, kind: str) -> Draft:
    return Draft(
        prompt=f"Question {n}?",
        answer=f"Answer {n}",
        kind=kind,
        choices=(),
        accepted_answers=(),
        evidence_start=0,
        evidence_end=1,
        score=1.0 / (n + 1),
        form=kind,
    )


RANKED = [draft(n, "multiple_choice") for n in range(30)] + [draft(30 + n, "true_false") for n in range(5)]


def test_twenty_of_the_best_keep_two_true_false_in_place_of_the_two_lowest_others():
    chosen = with_true_false(RANKED, 20)
    assert len(chosen) == 20
    assert [d.prompt for d in chosen[:18]] == [f"Question {n}?" for n in range(18)]
    assert [d.kind for d in chosen[18:]] == ["true_false", "true_false"]


def test_nothing_changes_when_the_list_already_has_them_or_everything_fits():
    already = RANKED[:17] + RANKED[30:33]
    assert with_true_false(already + RANKED[17:30], 20) == already
    assert with_true_false(RANKED, 100) == RANKED
    assert with_true_false(RANKED, None) == RANKED


def test_very_short_lists_and_lists_without_true_false_are_just_cut():
    assert with_true_false(RANKED, 4) == RANKED[:4]
    others = RANKED[:30]
    assert with_true_false(others, 20) == others[:20]
