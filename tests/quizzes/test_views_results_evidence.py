"""Results: a missed answer comes with its sentence from the article, the answer marked, to read again."""

import pytest

from quizzes.models import Assignment, Question
from tests.factories import ARTICLE_TEXT
from tests.quizzes.view_helpers import EVIDENCE, make_quiz, start

pytestmark = pytest.mark.django_db


def _results_after(answer_text: str) -> str:
    quiz = make_quiz(reveal=Assignment.Reveal.AFTER_FINISH)
    at = ARTICLE_TEXT.index(EVIDENCE)
    Question.objects.filter(pk=quiz.short.pk).update(evidence_start=at, evidence_end=at + len(EVIDENCE))
    attempt = start(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/"
    quiz.client.post(url, {"answer_text": answer_text})
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    return quiz.client.get(f"/attempt/{attempt.pk}/results/").content.decode()


def test_a_wrong_answer_shows_its_sentence_with_the_answer_marked():
    page = _results_after("12")
    assert "counter-offensive launched by <mark>100,000</mark> forces." in page
    assert "From the article" in page


def test_a_right_answer_needs_no_sentence():
    page = _results_after("100,000")
    assert "<mark>100,000</mark>" not in page


def test_an_unanswered_question_with_evidence_shows_its_sentence_too():
    # The true/false question points at the same sentence and was never answered: its sentence is shown,
    # with nothing marked (a true/false answer is not a phrase in the text).
    page = _results_after("12")
    assert page.count("forced to retreat by the counter-offensive") == 2
