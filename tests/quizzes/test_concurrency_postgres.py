"""Many answers to one attempt at once (double clicks, two tabs, two servers) on real PostgreSQL row locks."""

import threading

import pytest
from django.db import connection, connections

from quizzes.models import Attempt, Response
from quizzes.services import attempt_start, response_submit
from tests.factories import AssignmentFactory, AssignmentQuestionFactory, EnrollmentFactory

QUESTIONS = 6
SENDS_PER_QUESTION = 3  # the same answer sent three times at once, as a frantic double click would

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL row locks: run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/test",
    ),
]


def send_all_at_once(calls):
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_answers_store_one_response_per_question_and_an_exact_score():
    assignment = AssignmentFactory()
    items = [AssignmentQuestionFactory(assignment=assignment, position=i) for i in range(QUESTIONS)]
    student = EnrollmentFactory(classroom=assignment.classroom).student
    attempt = attempt_start(assignment=assignment, student=student)
    # Even-numbered questions get the right answer, odd ones a wrong one.
    answers = {item.question_id: ("Mosul" if i % 2 == 0 else "Basra") for i, item in enumerate(items)}
    calls = [
        (
            lambda qid=qid, text=text: response_submit(
                attempt=attempt, student=student, question_id=qid, answer_text=text
            )
        )
        for qid, text in answers.items()
        for _ in range(SENDS_PER_QUESTION)
    ]
    assert send_all_at_once(calls) == []
    stored = Response.objects.filter(attempt=attempt)
    assert sorted(stored.values_list("question_id", flat=True)) == sorted(answers)
    attempt = Attempt.objects.get(pk=attempt.pk)
    assert attempt.score == stored.filter(is_correct=True).count() == QUESTIONS // 2
