"""Real article text for the generator's tests: the Mosul article as the cleaner leaves it, and XQuAD."""

import json
from pathlib import Path

import pytest

from quizzes.generation import generate_questions

DATA = Path(__file__).resolve().parents[2] / "data"
XQUAD_PARAGRAPHS = [(0, 0), (2, 1), (5, 0), (10, 2), (13, 0), (18, 1), (23, 3)]  # (article, paragraph)


@pytest.fixture(scope="session")
def mosul_text() -> str:
    from articles.cleaning import clean_article

    return clean_article((DATA / "articles" / "mosul-offensive.txt").read_text(encoding="utf-8")).text


@pytest.fixture(scope="session")
def mosul_drafts(mosul_text):
    return generate_questions(mosul_text)


@pytest.fixture(scope="session")
def xquad():
    return json.loads((DATA / "eval" / "xquad-dev.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def xquad_runs(xquad):
    runs = []
    for article, paragraph in XQUAD_PARAGRAPHS:
        text = xquad["data"][article]["paragraphs"][paragraph]["context"]
        runs.append((text, generate_questions(text)))
    return runs
