"""The quality bench's verdict: which targets are missed, the exit status, and its machine-readable last line.

The report logic only, on made-up numbers: the bench itself runs the generator over all of XQuAD.
"""

import re
from collections import Counter

import pytest

from bench import quality

PASSING = {
    "recall_exact": 0.41,
    "recall_lenient": 0.62,
    "evidence_ok": 1.0,
    "leaks": 0.0,
    "dupes": 0.0,
    "distractor_same_type": 0.9,
    "bleu4": 14.5,
    "speed_ratio": 1.2,
}
QUALITY_LINE = re.compile(
    r"QUALITY recall_exact=\S+ recall_lenient=\S+ evidence_ok=\S+ leaks=\S+ dupes=\S+ "
    r"distractor_same_type=\S+ bleu4=\S+ speed_ratio=\S+"
)


def _measured(metrics: dict, paragraphs: int = 7):
    stats = Counter(paragraphs=paragraphs, human=30, drafts=90)
    return stats, metrics, [], ["What city?"], ["Which city?"]


def test_all_targets_met_exits_zero_with_the_counted_paragraphs(monkeypatch, capsys):
    monkeypatch.setattr(quality, "measure", lambda: _measured(PASSING))
    assert quality.main() == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("paragraphs: 7, human questions: 30")
    assert QUALITY_LINE.fullmatch(lines[-1])
    assert "leaks=0.000" in lines[-1] and "bleu4=14.50" in lines[-1]


def test_a_missed_target_exits_non_zero_and_names_it(monkeypatch, capsys):
    metrics = {**PASSING, "leaks": 0.01, "bleu4": 11.9}
    monkeypatch.setattr(quality, "measure", lambda: _measured(metrics))
    assert quality.main() == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert "FAIL leaks = 0.010 (target <= 0.0)" in lines and "FAIL bleu4 = 11.900 (target >= 12.0)" in lines
    assert "targets missed: leaks, bleu4" in lines
    assert QUALITY_LINE.fullmatch(lines[-1])


@pytest.mark.parametrize(
    ("name", "value", "missed"),
    [
        ("recall_lenient", 0.50, False),  # the boundary meets the target
        ("recall_lenient", 0.499, True),
        ("evidence_ok", 0.999, True),
        ("speed_ratio", 1.5, False),
        ("speed_ratio", 1.51, True),
        ("distractor_same_type", 0.84, True),
        ("recall_exact", 0.0, False),  # reported, but no target
    ],
)
def test_each_threshold(name, value, missed):
    assert (name in quality.missed_targets({**PASSING, name: value})) is missed
