"""With the real generator: where the right choice stands is spread over every position, never fixed.

A student who learns "it's usually the first option" must gain nothing (issue 4). The demo's reviewed
questions are checked in tests/test_demo.py; this looks at everything the generator drafts for the Mosul
article and for a handful of XQuAD paragraphs, as saved by the service.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from articles.services import article_create
from quizzes.models import Choice, Question
from quizzes.services import questions_generate
from tests.factories import TeacherFactory

DATA = Path(__file__).resolve().parents[2] / "data"
MOSUL = (DATA / "articles" / "mosul-offensive.txt").read_text(encoding="utf-8")


def xquad_articles(count: int) -> list[str]:
    squad = json.loads((DATA / "eval" / "xquad-dev.json").read_text(encoding="utf-8"))
    return ["\n\n".join(p["context"] for p in article["paragraphs"]) for article in squad["data"][:count]]


@pytest.mark.django_db
def test_right_choice_position_is_spread_over_generated_questions():
    teacher = TeacherFactory()
    for number, text in enumerate([MOSUL, *xquad_articles(4)]):
        article = article_create(owner=teacher, title=f"Article {number}", raw_text=text)
        questions_generate(article=article, limit=40)
    questions = Question.objects.filter(kind=Question.Kind.MULTIPLE_CHOICE)
    positions = Counter()
    for question in questions.prefetch_related("choices"):
        ordered = sorted(question.choices.all(), key=lambda c: (c.position, c.id))
        positions[[c.is_correct for c in ordered].index(True)] += 1
    total = sum(positions.values())
    assert total >= 40, positions
    assert set(positions) == {0, 1, 2, 3}, positions
    assert max(positions.values()) <= total * 0.4, positions  # 25% each if uniform
    # Exactly one right choice per multiple-choice question (true/false ones have their own two choices).
    right = Choice.objects.filter(is_correct=True, question__kind=Question.Kind.MULTIPLE_CHOICE)
    assert right.count() == total
