"""quizzes/kept.py: what a web process keeps under the content token, least recently used first out."""

from quizzes.kept import Kept


def test_a_kept_value_is_made_once_and_shared():
    kept = Kept(budget=4)
    made = []
    first = kept.get_or_make("a", lambda: made.append("a") or ["a"])
    again = kept.get_or_make("a", lambda: made.append("again") or ["other"])
    assert again is first and made == ["a"]


def test_the_least_recently_used_goes_first_when_over_budget():
    kept = Kept(budget=2)
    kept.get_or_make("a", lambda: "A")
    kept.get_or_make("b", lambda: "B")
    kept.get_or_make("a", lambda: "A2")  # used again: now the newest
    kept.get_or_make("c", lambda: "C")  # over budget: "b" goes
    assert len(kept) == 2
    assert kept.get_or_make("a", lambda: "remade") == "A"
    assert kept.get_or_make("b", lambda: "remade") == "remade"


def test_the_budget_counts_sizes_and_the_newest_stays_even_alone_over_it():
    kept = Kept(budget=10, size=len)
    kept.get_or_make("small", lambda: "x" * 4)
    kept.get_or_make("medium", lambda: "y" * 6)
    assert len(kept) == 2  # 10 of 10
    kept.get_or_make("huge", lambda: "z" * 50)
    assert len(kept) == 1 and kept.get_or_make("huge", lambda: "remade") == "z" * 50
