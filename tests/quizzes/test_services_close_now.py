"""A teacher's "Close now" (`assignments_close_now`): the quiz closes for everyone at once, students still
answering are finished and scored, extensions end with it, and what depends on the quiz's state follows."""

import datetime as dt

import pytest
from django.contrib import messages as django_messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone

from quizzes.board_cache import poll_state_key
from quizzes.models import Assignment, Attempt, StudentOverride
from quizzes.selectors import assignment_leaderboard, board_version, student_dashboard
from quizzes.services import (
    assignments_close_now,
    attempt_start,
    messages,
    override_grant,
    response_submit,
)
from quizzes.views.reading import answers_revealed
from tests.factories import (
    AssignmentFactory,
    AssignmentQuestionFactory,
    EnrollmentFactory,
    QuestionFactory,
    finished_attempt,
    multiple_choice_question,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    """An open quiz (no closing time) of two questions, and a student who has answered the first rightly."""
    assignment = AssignmentFactory(title="Mosul offensive", opens_at=timezone.now() - dt.timedelta(hours=1))
    mc = multiple_choice_question(article=assignment.article)
    short = QuestionFactory(article=assignment.article, answer="100,000")
    AssignmentQuestionFactory(assignment=assignment, question=mc, position=1)
    AssignmentQuestionFactory(assignment=assignment, question=short, position=2)
    student = EnrollmentFactory(classroom=assignment.classroom).student
    attempt = attempt_start(assignment=assignment, student=student)
    response_submit(
        attempt=attempt, student=student, question_id=mc.pk, choice_id=mc.choices.get(is_correct=True).pk
    )
    return assignment, short, student, attempt


def test_an_open_quiz_closes_now_and_the_attempt_in_progress_is_finished_with_its_score(quiz):
    assignment, _short, _student, attempt = quiz
    now = timezone.now()

    result = assignments_close_now(assignments=[assignment], now=now)

    assignment.refresh_from_db()
    attempt.refresh_from_db()
    assert assignment.closes_at == now
    assert (attempt.finished_at, attempt.score) == (now, 1)
    assert (result.closed, result.already_closed, result.not_open_yet) == ([assignment], [], [])
    assert (result.attempts_finished, result.extensions_ended) == (1, 0)


def test_a_student_mid_quiz_is_told_it_closed_and_cannot_start_again(quiz):
    assignment, short, student, attempt = quiz
    assignments_close_now(assignments=[assignment])

    attempt, assignment = Attempt.objects.get(pk=attempt.pk), Assignment.objects.get(pk=assignment.pk)
    with pytest.raises(ValidationError) as answering:
        response_submit(attempt=attempt, student=student, question_id=short.pk, answer_text="100,000")
    with pytest.raises(ValidationError) as starting:
        attempt_start(assignment=assignment, student=student)
    assert answering.value.messages == [messages.CLOSED]
    assert starting.value.messages == [messages.CLOSED]
    assert Attempt.objects.get(pk=attempt.pk).score == 1


def test_closing_twice_changes_nothing_the_second_time(quiz, django_capture_on_commit_callbacks):
    assignment, _short, _student, _attempt = quiz
    first = timezone.now()
    assignments_close_now(assignments=[assignment], now=first)
    version = board_version(classroom_id=assignment.classroom_id)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = assignments_close_now(assignments=[assignment], now=first + dt.timedelta(minutes=1))

    assignment.refresh_from_db()
    assert assignment.closes_at == first
    assert (again.closed, again.already_closed, again.attempts_finished) == ([], [assignment], 0)
    assert not callbacks and board_version(classroom_id=assignment.classroom_id) == version
    assert again.notices() == [
        (django_messages.INFO, messages.CLOSE_NOW_ALREADY_CLOSED.format(quizzes=named(assignment)))
    ]


def test_a_quiz_not_open_yet_is_left_alone_and_the_teacher_told_why():
    opens_at = timezone.now() + dt.timedelta(days=1)
    later = AssignmentFactory(opens_at=opens_at, closes_at=opens_at + dt.timedelta(hours=1))

    result = assignments_close_now(assignments=[later])

    later.refresh_from_db()
    assert (later.opens_at, later.closes_at) == (opens_at, opens_at + dt.timedelta(hours=1))
    assert (result.closed, result.not_open_yet) == ([], [later])
    assert result.notices() == [
        (django_messages.WARNING, messages.CLOSE_NOW_NOT_OPEN_YET.format(quizzes=named(later)))
    ]


def test_an_extension_running_past_now_ends_now_and_its_extra_attempts_stay(quiz):
    assignment, _short, student, attempt = quiz
    now = timezone.now()
    override_grant(
        assignment=assignment, student=student, closes_at=now + dt.timedelta(days=2), extra_attempts=1
    )
    other = EnrollmentFactory(classroom=assignment.classroom).student
    ran_out = now - dt.timedelta(minutes=10)  # an earlier personal deadline, already over: kept as it was
    override_grant(assignment=assignment, student=other, closes_at=ran_out)

    result = assignments_close_now(assignments=[assignment], now=now)

    mine = StudentOverride.objects.get(student=student)
    assert (mine.closes_at, mine.extra_attempts) == (now, 1)
    assert StudentOverride.objects.get(student=other).closes_at == ran_out
    assert result.extensions_ended == 1
    attempt.refresh_from_db()
    assert attempt.finished_at == now


def test_a_quiz_closed_for_the_class_but_extended_for_one_student_closes_for_them_too(quiz):
    assignment, _short, student, attempt = quiz
    now = timezone.now()
    class_closed = now - dt.timedelta(minutes=20)
    Assignment.objects.filter(pk=assignment.pk).update(closes_at=class_closed)
    override_grant(assignment=assignment, student=student, closes_at=now + dt.timedelta(minutes=30))

    result = assignments_close_now(assignments=[assignment], now=now)

    assignment.refresh_from_db()
    attempt.refresh_from_db()
    assert assignment.closes_at == class_closed  # the class's own closing time is history: kept
    assert (result.closed, result.extensions_ended) == ([assignment], 1)
    # Finished when the extension ended, not at the class's closing time before its last answers.
    assert attempt.finished_at == now


def test_what_depends_on_the_quiz_follows_at_once(quiz, django_capture_on_commit_callbacks):
    assignment, _short, student, _attempt = quiz
    classroom_id = assignment.classroom_id
    version = board_version(classroom_id=classroom_id)
    cache.set(poll_state_key(classroom_id), "kept", 60)
    assert [row.status for row in student_dashboard(student=student)] == ["in progress"]
    assert assignment_leaderboard(assignment=assignment) == []

    with django_capture_on_commit_callbacks(execute=True):
        assignments_close_now(assignments=[assignment])

    assert board_version(classroom_id=classroom_id) != version  # student dashboards' ETags and boards
    assert cache.get(poll_state_key(classroom_id)) is None  # projectors' kept poll state
    assert [row.status for row in student_dashboard(student=student)] == ["closed"]
    assert [row.score for row in assignment_leaderboard(assignment=assignment)] == [1]


def test_closing_a_quiz_nobody_is_taking_still_moves_the_class_version(django_capture_on_commit_callbacks):
    assignment = AssignmentFactory()
    version = board_version(classroom_id=assignment.classroom_id)
    with django_capture_on_commit_callbacks(execute=True):
        result = assignments_close_now(assignments=[assignment])
    assert result.attempts_finished == 0
    assert board_version(classroom_id=assignment.classroom_id) != version


def test_answers_kept_until_closing_are_revealed_once_closed_now_despite_an_extension():
    assignment = AssignmentFactory(reveal=Assignment.Reveal.AFTER_CLOSE)
    finisher, late = (EnrollmentFactory(classroom=assignment.classroom).student for _ in range(2))
    finished = finished_attempt(
        assignment, finisher, score=1, started_at=timezone.now() - dt.timedelta(minutes=30)
    )
    override_grant(assignment=assignment, student=late, closes_at=timezone.now() + dt.timedelta(days=1))

    assignments_close_now(assignments=[assignment])

    assignment.refresh_from_db()
    assert answers_revealed(assignment, finished)


def test_the_notice_names_each_quiz_with_its_class_and_says_what_else_happened(quiz):
    assignment, _short, student, _attempt = quiz
    override_grant(assignment=assignment, student=student, closes_at=timezone.now() + dt.timedelta(days=1))
    result = assignments_close_now(assignments=[assignment])
    ((level, text),) = result.notices()
    assert level == django_messages.SUCCESS
    assert text == " ".join(
        [
            messages.CLOSED_NOW.format(quizzes=named(assignment)),
            messages.CLOSED_NOW_ATTEMPTS_FINISHED.format(count=1),
            messages.CLOSED_NOW_EXTENSIONS_ENDED.format(count=1),
        ]
    )
    assert "“Mosul offensive” (" in text


def named(assignment: Assignment) -> str:
    return f"“{assignment.title}” ({assignment.classroom.name})"
