"""bench/request_cost.py plays whole attempts through Django's WSGI handler and reports each kind's cost."""

import subprocess
import sys
from pathlib import Path

from bench.request_cost import KINDS, report

PROJECT = Path(__file__).resolve().parent.parent


def test_it_plays_whole_attempts_and_reports_every_kind():
    done = subprocess.run(
        [sys.executable, "-m", "bench.request_cost", "--attempts", "2"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {
        line.split()[0]: line.split() for line in done.stdout.splitlines()[1:] if line.split()[0] in KINDS
    }
    assert set(rows) == set(KINDS)
    # two attempts of the bench quiz's 12 questions, a bare insert before each start and after each answer,
    # a signed-in insert after each answer
    assert [rows[kind][1] for kind in KINDS] == ["26", "24", "24", "2", "2", "2"]
    assert "shared over 12 answers" in done.stdout


def test_the_ratio_line_shares_an_attempts_steps_over_its_answers():
    cpu = {
        "insert": [0.001],
        "signed-in": [0.0015],
        "answer": [0.002],
        "start": [0.012],
        "page": [0.012],
        "finish": [0.012],
    }
    counts = {"insert": 13, "signed-in": 12, "answer": 12, "start": 1, "page": 1, "finish": 1}
    instructions = {
        "insert": 1e6,
        "signed-in": 1.6e6,
        "answer": 2e6,
        "start": 4e6,
        "page": 4e6,
        "finish": 4e6,
    }
    text = report(cpu, counts, instructions)
    # per answer: 2 ms + 36 ms / 12 = 5 ms; 2M + 12M / 12 = 3M instructions
    assert "cpu 5.00 ms; bare insert / answer = 0.20 by cpu" in text
    assert text.splitlines()[-1] == (
        "COST answer_instructions=3.00M insert_instructions=1.00M insert_over_answer=0.333 "
        "insert_over_signed_in_insert=0.625"
    )
