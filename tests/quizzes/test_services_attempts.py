"""Starting, answering and finishing attempts: first answer wins, refusals write nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from quizzes.models import Attempt, Question, Response
from quizzes.services import attempt_finish, attempt_start, messages, override_grant, response_submit
from tests.factories import (
    AssignmentFactory,
    AssignmentQuestionFactory,
    EnrollmentFactory,
    QuestionFactory,
    UserFactory,
    multiple_choice_question,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    """An open assignment with a multiple-choice and a short-answer question, and an enrolled student."""
    assignment = AssignmentFactory()
    mc = multiple_choice_question(article=assignment.article)
    short = QuestionFactory(article=assignment.article, answer="100,000")
    AssignmentQuestionFactory(assignment=assignment, question=mc, position=1)
    AssignmentQuestionFactory(assignment=assignment, question=short, position=2, points=2)
    student = EnrollmentFactory(classroom=assignment.classroom).student
    return assignment, mc, short, student


def right_choice(question: Question) -> int:
    return question.choices.get(is_correct=True).pk


def wrong_choice(question: Question) -> int:
    return question.choices.filter(is_correct=False).first().pk


def message_of(excinfo) -> str:
    return excinfo.value.messages[0]


def test_start_sets_max_score_from_item_points(quiz):
    assignment, _, _, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    assert (attempt.number, attempt.score, attempt.max_score) == (1, 0, 3)


def test_start_resumes_the_open_attempt(quiz):
    assignment, _, _, student = quiz
    first = attempt_start(assignment=assignment, student=student)
    assert attempt_start(assignment=assignment, student=student).pk == first.pk
    assert Attempt.objects.count() == 1


def test_start_refuses_when_no_attempts_remain_and_extra_attempt_allows_one(quiz):
    assignment, _, _, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    attempt_finish(attempt=attempt, student=student)
    with pytest.raises(ValidationError) as excinfo:
        attempt_start(assignment=assignment, student=student)
    assert message_of(excinfo) == messages.NO_ATTEMPTS_LEFT
    override_grant(assignment=assignment, student=student, extra_attempts=1)
    assert attempt_start(assignment=assignment, student=student).number == 2


def test_start_refuses_before_opening_after_closing_and_outsiders(quiz):
    assignment, _, _, student = quiz
    now = timezone.now()
    assignment.opens_at, assignment.closes_at = now + dt.timedelta(hours=1), now + dt.timedelta(hours=2)
    assignment.save()
    with pytest.raises(ValidationError) as excinfo:
        attempt_start(assignment=assignment, student=student, now=now)
    assert message_of(excinfo) == messages.NOT_OPEN_YET
    with pytest.raises(ValidationError) as excinfo:
        attempt_start(assignment=assignment, student=student, now=now + dt.timedelta(hours=3))
    assert message_of(excinfo) == messages.CLOSED
    with pytest.raises(ValidationError) as excinfo:
        attempt_start(assignment=assignment, student=UserFactory(), now=now + dt.timedelta(minutes=90))
    assert message_of(excinfo) == messages.NOT_ENROLLED
    assert not Attempt.objects.exists()


def test_extension_lets_one_student_start_after_closing(quiz):
    assignment, _, _, student = quiz
    now = timezone.now()
    assignment.closes_at = now - dt.timedelta(minutes=1)
    assignment.save()
    classmate = EnrollmentFactory(classroom=assignment.classroom).student
    override_grant(assignment=assignment, student=student, closes_at=now + dt.timedelta(days=1))
    assert attempt_start(assignment=assignment, student=student, now=now).number == 1
    with pytest.raises(ValidationError):
        attempt_start(assignment=assignment, student=classmate, now=now)


def test_correct_answers_score_their_points(quiz):
    assignment, mc, short, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    first = response_submit(attempt=attempt, student=student, question_id=mc.pk, choice_id=right_choice(mc))
    second = response_submit(attempt=attempt, student=student, question_id=short.pk, answer_text="100 000")
    assert first.created and first.response.is_correct and second.response.is_correct
    assert second.response.points == 2
    attempt.refresh_from_db()
    assert attempt.score == 3


def test_submitting_twice_keeps_first_answer_and_counts_score_once(quiz):
    assignment, mc, _, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    response_submit(attempt=attempt, student=student, question_id=mc.pk, choice_id=right_choice(mc))
    again = response_submit(attempt=attempt, student=student, question_id=mc.pk, choice_id=wrong_choice(mc))
    assert again.created is False
    assert again.response.is_correct
    assert Response.objects.count() == 1
    attempt.refresh_from_db()
    assert attempt.score == 1


def test_wrong_answer_scores_nothing(quiz):
    assignment, mc, short, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    response_submit(attempt=attempt, student=student, question_id=mc.pk, choice_id=wrong_choice(mc))
    response_submit(attempt=attempt, student=student, question_id=short.pk, answer_text="10,000")
    attempt.refresh_from_db()
    assert attempt.score == 0
    assert Response.objects.filter(is_correct=False).count() == 2


def test_another_students_attempt_is_refused_and_nothing_written(quiz):
    assignment, mc, _, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    intruder = EnrollmentFactory(classroom=assignment.classroom).student
    with pytest.raises(PermissionDenied):
        response_submit(attempt=attempt, student=intruder, question_id=mc.pk, choice_id=right_choice(mc))
    with pytest.raises(PermissionDenied):
        attempt_finish(attempt=attempt, student=intruder)
    attempt.refresh_from_db()
    assert not Response.objects.exists()
    assert attempt.finished_at is None


def test_question_outside_the_assignment_is_404_and_nothing_written(quiz):
    assignment, _, _, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    elsewhere = QuestionFactory(article=assignment.article)
    for bad_id in (elsewhere.pk, "not-a-number", None):
        with pytest.raises(Http404):
            response_submit(attempt=attempt, student=student, question_id=bad_id, answer_text="Mosul")
    assert not Response.objects.exists()


def test_choice_of_another_question_is_refused(quiz):
    assignment, mc, _, student = quiz
    other = multiple_choice_question(article=assignment.article)
    attempt = attempt_start(assignment=assignment, student=student)
    with pytest.raises(ValidationError) as excinfo:
        response_submit(attempt=attempt, student=student, question_id=mc.pk, choice_id=right_choice(other))
    assert message_of(excinfo) == messages.CHOICE_NOT_IN_QUESTION
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * 501, messages.ANSWER_TOO_LONG),
        ("   ", messages.ANSWER_REQUIRED),
        ("\x00", messages.ANSWER_REQUIRED),
    ],
)
def test_bad_short_answers_are_refused_with_a_message(quiz, text, message):
    assignment, _, short, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    with pytest.raises(ValidationError) as excinfo:
        response_submit(attempt=attempt, student=student, question_id=short.pk, answer_text=text)
    assert message_of(excinfo) == message
    assert not Response.objects.exists()


def test_answer_after_finishing_is_refused(quiz):
    assignment, mc, _, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    attempt_finish(attempt=attempt, student=student)
    with pytest.raises(ValidationError) as excinfo:
        response_submit(attempt=attempt, student=student, question_id=mc.pk, choice_id=right_choice(mc))
    assert message_of(excinfo) == messages.ALREADY_FINISHED
    assert not Response.objects.exists()


def test_answer_after_closing_is_refused_and_the_attempt_finished(quiz):
    assignment, mc, short, student = quiz
    start = timezone.now()
    assignment.closes_at = start + dt.timedelta(minutes=30)
    assignment.save()
    attempt = attempt_start(assignment=assignment, student=student, now=start)
    response_submit(attempt=attempt, student=student, question_id=short.pk, answer_text="100000", now=start)
    late = start + dt.timedelta(minutes=31)
    with pytest.raises(ValidationError) as excinfo:
        response_submit(
            attempt=attempt, student=student, question_id=mc.pk, choice_id=right_choice(mc), now=late
        )
    assert message_of(excinfo) == messages.CLOSED
    attempt.refresh_from_db()
    assert attempt.finished_at == assignment.closes_at
    assert attempt.score == 2
    assert Response.objects.count() == 1


def test_finish_is_idempotent(quiz):
    assignment, _, _, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    finished_at = attempt_finish(attempt=attempt, student=student).finished_at
    later = timezone.now() + dt.timedelta(hours=1)
    assert attempt_finish(attempt=attempt, student=student, now=later).finished_at == finished_at
    attempt.refresh_from_db()
    assert attempt.finished_at == finished_at is not None


def test_losing_a_race_to_an_identical_answer_returns_the_winner(quiz, monkeypatch):
    """The unique constraint is the last line of defence: if another request's answer lands between our
    duplicate check and our insert, ours is dropped (savepoint) and theirs is returned, score untouched."""
    from quizzes.services import attempts as attempts_module

    assignment, mc, _, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    real_grading = attempts_module.graded_answer

    def grade_then_lose_the_race(question, choice_id, answer_text):
        graded = real_grading(question, choice_id, answer_text)
        Response.objects.create(attempt=attempt, question=question, given_answer="Basra", is_correct=False)
        return graded

    monkeypatch.setattr(attempts_module, "graded_answer", grade_then_lose_the_race)
    result = response_submit(attempt=attempt, student=student, question_id=mc.pk, choice_id=right_choice(mc))
    assert result.created is False
    assert result.response.given_answer == "Basra"
    attempt.refresh_from_db()
    assert attempt.score == 0
    assert Response.objects.count() == 1


def test_extension_lets_answers_through_after_the_general_closing_time(quiz):
    assignment, mc, _, student = quiz
    start = timezone.now()
    assignment.closes_at = start + dt.timedelta(minutes=10)
    assignment.save()
    override_grant(assignment=assignment, student=student, closes_at=start + dt.timedelta(minutes=60))
    attempt = attempt_start(assignment=assignment, student=student, now=start)
    late = start + dt.timedelta(minutes=30)
    result = response_submit(
        attempt=attempt, student=student, question_id=mc.pk, choice_id=right_choice(mc), now=late
    )
    assert result.created and result.attempt.score == 1
    finished = attempt_finish(attempt=attempt, student=student, now=start + dt.timedelta(minutes=90))
    assert finished.finished_at == start + dt.timedelta(minutes=60)  # the personal closing time, not "now"
