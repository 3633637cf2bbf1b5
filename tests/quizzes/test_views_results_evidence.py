"""Results: a missed answer comes with its sentence from the article, the answer marked, to read again."""

import datetime as dt

import pytest
from django.utils import timezone

from quizzes.models import Assignment, Question
from tests.factories import ARTICLE_TEXT, ChoiceFactory
from tests.quizzes.view_helpers import EVIDENCE, make_quiz, start

pytestmark = pytest.mark.django_db

QUOTED = "forced to retreat by the counter-offensive"  # a words run that only the quoted sentence has


def _results_after(answer_text: str, *, reveal=Assignment.Reveal.AFTER_FINISH, evidence=None, **kw) -> str:
    quiz = make_quiz(reveal=reveal, **kw)
    at = ARTICLE_TEXT.index(EVIDENCE)
    start_at, end_at = evidence or (at, at + len(EVIDENCE))
    Question.objects.filter(pk=quiz.short.pk).update(evidence_start=start_at, evidence_end=end_at)
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": answer_text})
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    return quiz.client.get(f"/attempt/{attempt.pk}/results/").content.decode()


def test_a_wrong_answer_shows_its_sentence_with_the_answer_marked():
    page = _results_after("12")
    assert "counter-offensive launched by <mark>100,000</mark> forces." in page
    assert "From the article" in page


def test_a_right_answer_needs_no_sentence():
    # Only the unanswered true/false question (same sentence) is quoted, and nothing in it is marked.
    page = _results_after("100,000")
    assert page.count(QUOTED) == 1
    assert "<mark>" not in page


def test_an_unanswered_true_false_question_shows_its_sentence_with_nothing_marked():
    page = _results_after("12")
    assert page.count(QUOTED) == 2  # the short answer's quote and the true/false one's
    assert page.count("<mark>") == 1  # only the short answer's "100,000"


def test_no_sentence_while_the_answers_are_still_hidden():
    page = _results_after(
        "12", reveal=Assignment.Reveal.AFTER_CLOSE, closes_at=timezone.now() + dt.timedelta(hours=1)
    )
    assert "will appear here after the quiz closes" in page
    assert QUOTED not in page and "From the article" not in page


def test_evidence_offsets_outside_the_article_quote_nothing():
    # Offsets can be edited by hand in the admin; an empty quote would say "From the article" about nothing.
    far = len(ARTICLE_TEXT) + 100
    page = _results_after("12", evidence=(far, far + 10))
    assert page.count("From the article") == 1  # the true/false question's own sentence only


def test_a_short_answer_that_was_multiple_choice_is_told_its_answer_not_an_old_choice():
    # A teacher turned a multiple-choice question into a short answer; its choices stay (switching back keeps
    # them) but grading reads only the answer. The results page told the student the old ticked choice.
    quiz = make_quiz(reveal=Assignment.Reveal.AFTER_FINISH)
    ChoiceFactory(question=quiz.short, text="the two years", is_correct=True)
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "12"})
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    page = quiz.client.get(f"/attempt/{attempt.pk}/results/").content.decode()
    assert "The answer is <strong>100,000</strong>." in page
    assert "the two years" not in page
