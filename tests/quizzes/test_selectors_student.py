"""A student's dashboard, attempt lookups and progress; the teacher's report grid and CSV."""

import datetime as dt
from functools import partial

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from quizzes.models import AssignmentQuestion, Response
from quizzes.selectors import (
    assignment_report,
    attempt_for_student,
    attempt_state,
    attempt_state_with,
    student_dashboard,
)
from quizzes.services import attempt_finish, attempt_start, override_grant, response_submit
from tests.factories import (
    AssignmentFactory,
    AssignmentQuestionFactory,
    ClassroomFactory,
    EnrollmentFactory,
    QuestionFactory,
)
from tests.quizzes.view_helpers import make_quiz

pytestmark = pytest.mark.django_db


def quiz_with(n_questions=3, **assignment_fields):
    assignment = AssignmentFactory(**assignment_fields)
    items = [AssignmentQuestionFactory(assignment=assignment, position=i) for i in range(1, n_questions + 1)]
    return assignment, items


def test_dashboard_shows_status_scores_and_attempts():
    now = timezone.now()
    classroom = ClassroomFactory()
    student = EnrollmentFactory(classroom=classroom).student
    upcoming, _ = quiz_with(classroom=classroom, opens_at=now + dt.timedelta(days=1))
    open_quiz, _ = quiz_with(classroom=classroom, opens_at=now - dt.timedelta(days=1), attempts_allowed=2)
    doing, _ = quiz_with(classroom=classroom, opens_at=now - dt.timedelta(days=2))
    done, items = quiz_with(classroom=classroom, opens_at=now - dt.timedelta(days=3))
    closed, _ = quiz_with(
        classroom=classroom, opens_at=now - dt.timedelta(days=4), closes_at=now - dt.timedelta(days=3)
    )
    QuestionFactory()  # another class's quiz elsewhere must not appear
    quiz_with()
    attempt_start(assignment=doing, student=student)
    attempt = attempt_start(assignment=done, student=student)
    response_submit(attempt=attempt, student=student, question_id=items[0].question_id, answer_text="Mosul")
    attempt_finish(attempt=attempt, student=student)
    override_grant(assignment=open_quiz, student=student, extra_attempts=1)
    rows = {row.assignment.pk: row for row in student_dashboard(student=student, now=now)}
    assert set(rows) == {upcoming.pk, open_quiz.pk, doing.pk, done.pk, closed.pk}
    assert rows[upcoming.pk].status == "upcoming"
    assert (rows[open_quiz.pk].status, rows[open_quiz.pk].attempts_allowed) == ("open", 3)
    assert rows[doing.pk].status == "in progress" and rows[doing.pk].open_attempt_id
    assert (rows[done.pk].status, rows[done.pk].best_score, rows[done.pk].max_score) == ("finished", 1, 3)
    assert rows[done.pk].attempts_used == 1
    assert rows[closed.pk].status == "closed"


def test_dashboard_counts_attempts_as_starting_does_after_an_admin_deleted_one():
    # Starting counts the highest attempt number; if the dashboard counted rows, it would offer a start
    # that would be refused with "You have used all your attempts".
    assignment, _ = quiz_with(attempts_allowed=2)
    student = EnrollmentFactory(classroom=assignment.classroom).student
    first = attempt_start(assignment=assignment, student=student)
    attempt_finish(attempt=first, student=student)
    second = attempt_start(assignment=assignment, student=student)
    attempt_finish(attempt=second, student=student)
    first.delete()
    (row,) = student_dashboard(student=student)
    assert (row.status, row.attempts_used, row.attempts_allowed) == ("finished", 2, 2)
    with pytest.raises(ValidationError, match="used all your attempts"):
        attempt_start(assignment=assignment, student=student)


def test_attempt_for_student_is_404_for_anyone_else():
    assignment, _ = quiz_with()
    owner = EnrollmentFactory(classroom=assignment.classroom).student
    classmate = EnrollmentFactory(classroom=assignment.classroom).student
    attempt = attempt_start(assignment=assignment, student=owner)
    assert attempt_for_student(attempt_id=attempt.pk, student=owner) == attempt
    for student, attempt_id in ((classmate, attempt.pk), (owner, attempt.pk + 999), (owner, "x")):
        with pytest.raises(Http404):
            attempt_for_student(attempt_id=attempt_id, student=student)


def test_attempt_state_tracks_progress_and_next_question():
    assignment, items = quiz_with(3)
    student = EnrollmentFactory(classroom=assignment.classroom).student
    attempt = attempt_start(assignment=assignment, student=student)
    response_submit(attempt=attempt, student=student, question_id=items[1].question_id, answer_text="Mosul")
    state = attempt_state(attempt=attempt)
    assert [i.pk for i in state.items] == [i.pk for i in items]
    assert (state.answered_count, state.total) == (1, 3)
    assert state.next_item.pk == items[0].pk
    assert state.answered[items[1].question_id].is_correct


def test_attempt_state_finishes_an_attempt_whose_quiz_closed():
    now = timezone.now()
    assignment, _ = quiz_with(1, closes_at=now + dt.timedelta(minutes=10))
    student = EnrollmentFactory(classroom=assignment.classroom).student
    attempt = attempt_start(assignment=assignment, student=student, now=now)
    assignment.closes_at = now - dt.timedelta(seconds=1)
    assignment.save()
    assert attempt_state(attempt=attempt).attempt.finished_at == assignment.closes_at


@pytest.fixture
def reported():
    assignment, items = quiz_with(2)
    answers = {"Ana": ["Mosul", "Basra"], "Ben": ["mosul", " basra! "], "Cy": ["Baghdad", None]}
    for name, texts in answers.items():
        student = EnrollmentFactory(classroom=assignment.classroom, display_name=name).student
        attempt = attempt_start(assignment=assignment, student=student)
        for item, text in zip(items, texts, strict=True):
            if text:
                response_submit(
                    attempt=attempt, student=student, question_id=item.question_id, answer_text=text
                )
    EnrollmentFactory(classroom=assignment.classroom, display_name="Dee")  # never started
    return assignment


def test_report_grid_and_question_statistics(reported):
    report = assignment_report(assignment=reported)
    grid = {row.display_name: [c.state for c in row.cells] for row in report.rows}
    assert grid == {
        "Ana": ["correct", "wrong"],
        "Ben": ["correct", "wrong"],
        "Cy": ["wrong", "blank"],
        "Dee": ["blank", "blank"],
    }
    first, second = report.questions
    assert (first.answered, first.correct, round(first.share_correct, 2)) == (3, 2, 0.67)
    assert first.common_wrong == [("Baghdad", 1)]  # as the student wrote it, capital and all
    assert second.common_wrong[0][1] == 2  # "Basra" and " basra! " are one wrong answer
    assert second.common_wrong[0][0] == "Basra"  # a tie: the spelling that sorts first, capitals first
    assert second.share_correct == 0


def test_report_grid_shows_the_best_finished_attempt_not_the_latest():
    assignment, items = quiz_with(1, attempts_allowed=3)
    student = EnrollmentFactory(classroom=assignment.classroom, display_name="Ana").student
    for text in ("Mosul", "Basra", None):  # right, then wrong, then a third attempt left open
        attempt = attempt_start(assignment=assignment, student=student)
        if text:
            response_submit(
                attempt=attempt, student=student, question_id=items[0].question_id, answer_text=text
            )
            attempt_finish(attempt=attempt, student=student)
    (row,) = assignment_report(assignment=assignment).rows
    assert (row.score, [c.state for c in row.cells]) == (1, ["correct"])


@pytest.fixture
def answered_quiz():
    """make_quiz's questions; the short answer (wrong) answered before the true/false (right, 2 points)."""
    quiz = make_quiz()
    AssignmentQuestion.objects.filter(assignment=quiz.assignment, question=quiz.tf).update(points=2)
    attempt = attempt_start(assignment=quiz.assignment, student=quiz.student)
    submit = partial(response_submit, attempt=attempt, student=quiz.student)
    submit(question_id=quiz.short.pk, answer_text="a million")
    submit(question_id=quiz.tf.pk, choice_id=quiz.tf.choices.get(is_correct=True).pk)
    return quiz, attempt


def test_answered_responses_list_answered_questions_in_the_order_answered(answered_quiz):
    quiz, attempt = answered_quiz
    answered = attempt_state(attempt=attempt).answered
    assert list(answered) == [quiz.short.pk, quiz.tf.pk]  # not the quiz's order (mc, tf, short)
    assert len(answered) == 2
    assert quiz.tf.pk in answered and quiz.mc.pk not in answered
    assert answered.get(quiz.mc.pk) is None and answered.get(quiz.mc.pk, "none") == "none"
    with pytest.raises(KeyError):
        answered[quiz.mc.pk]


def test_answered_response_is_the_saved_row_with_question_and_choice_at_no_query_cost(
    answered_quiz, django_assert_num_queries
):
    quiz, attempt = answered_quiz
    answered = attempt_state(attempt=attempt).answered
    fields = Response._meta.concrete_fields
    with django_assert_num_queries(0):
        tf, short = answered.get(quiz.tf.pk), answered[quiz.short.pk]
        assert isinstance(tf, Response) and tf is answered[quiz.tf.pk]
        assert (tf.question.prompt, tf.choice.text, tf.given_answer) == (quiz.tf.prompt, "True", "True")
        assert (tf.is_correct, tf.points) == (True, 2)
        assert (short.choice, short.given_answer, short.is_correct) == (None, "a million", False)
    saved = Response.objects.get(attempt=attempt, question=quiz.tf)
    assert [getattr(tf, f.attname) for f in fields] == [getattr(saved, f.attname) for f in fields]
    assert not tf._state.adding  # a saved row, as the ORM would load it


def test_attempt_state_with_adds_the_new_response_without_changing_the_old_state(
    answered_quiz, django_assert_num_queries
):
    quiz, attempt = answered_quiz
    state = attempt_state(attempt=attempt)
    result = response_submit(
        attempt=attempt, student=quiz.student, question_id=quiz.mc.pk, choice_id=quiz.mc.choices.first().pk
    )
    with django_assert_num_queries(0):
        after = attempt_state_with(state, result.response)
        assert list(after.answered) == [quiz.short.pk, quiz.tf.pk, quiz.mc.pk]
        assert after.answered[quiz.mc.pk] is result.response
        assert after.answered[quiz.tf.pk].is_correct
        assert (after.answered_count, after.next_item) == (3, None)
    assert quiz.mc.pk not in state.answered and len(state.answered) == 2
