"""Answers revealed "after the assignment closes" wait for every student's extension to end too."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.models import Assignment, StudentOverride
from tests.factories import EnrollmentFactory, UserFactory
from tests.quizzes.view_helpers import make_quiz, start

pytestmark = pytest.mark.django_db

SHOWN = "The answer is <strong>100,000</strong>"
HIDDEN = "will appear here after the quiz closes"


def _finished_quiz_closed_a_minute_ago():
    quiz = make_quiz(reveal=Assignment.Reveal.AFTER_CLOSE, closes_at=timezone.now() + dt.timedelta(hours=1))
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "12"})
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    Assignment.objects.filter(pk=quiz.assignment.pk).update(
        closes_at=timezone.now() - dt.timedelta(minutes=1)
    )
    return quiz, attempt


def _extend(quiz, closes_at, extra_attempts=0):
    classmate = UserFactory()
    EnrollmentFactory(classroom=quiz.assignment.classroom, student=classmate)
    return StudentOverride.objects.create(
        assignment=quiz.assignment, student=classmate, closes_at=closes_at, extra_attempts=extra_attempts
    )


def test_answers_stay_hidden_while_a_classmate_still_works_on_an_extension():
    quiz, attempt = _finished_quiz_closed_a_minute_ago()
    extension = _extend(quiz, timezone.now() + dt.timedelta(hours=2))
    page = quiz.client.get(f"/attempt/{attempt.pk}/results/").content.decode()
    assert HIDDEN in page and SHOWN not in page and quiz.mc.explanation not in page

    StudentOverride.objects.filter(pk=extension.pk).update(closes_at=timezone.now() - dt.timedelta(seconds=1))
    page = quiz.client.get(f"/attempt/{attempt.pk}/results/").content.decode()
    assert SHOWN in page and quiz.mc.explanation in page


def test_an_override_giving_only_extra_attempts_does_not_hold_back_the_answers():
    quiz, attempt = _finished_quiz_closed_a_minute_ago()
    _extend(quiz, None, extra_attempts=2)
    assert SHOWN in quiz.client.get(f"/attempt/{attempt.pk}/results/").content.decode()


def _results_queries(extensions: int) -> int:
    quiz, attempt = _finished_quiz_closed_a_minute_ago()
    for _ in range(extensions):
        _extend(quiz, timezone.now() - dt.timedelta(seconds=30))
    with CaptureQueriesContext(connection) as queries:
        assert SHOWN in quiz.client.get(f"/attempt/{attempt.pk}/results/").content.decode()
    return len(queries)


def test_results_query_count_does_not_grow_with_the_number_of_extensions():
    assert _results_queries(1) == _results_queries(8)
