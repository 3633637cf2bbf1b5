"""start_facts: the one read behind starting an attempt, checked against what the ORM says."""

import datetime as dt

import pytest
from django.db.models import Max, Sum
from django.utils import timezone

from quizzes.models import Attempt, Enrollment, StudentOverride
from quizzes.services import attempt_finish, attempt_start, override_grant
from quizzes.services.answer_sql import StartFacts, start_facts
from tests.factories import AssignmentFactory, AssignmentQuestionFactory, EnrollmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    """An open assignment worth 1 + 2 points and an enrolled student."""
    assignment = AssignmentFactory(attempts_allowed=3)
    AssignmentQuestionFactory(assignment=assignment, position=1)
    AssignmentQuestionFactory(assignment=assignment, position=2, points=2)
    return assignment, EnrollmentFactory(classroom=assignment.classroom).student


def facts(assignment, student) -> StartFacts:
    return start_facts(
        assignment_id=assignment.pk, classroom_id=assignment.classroom_id, student_id=student.pk
    )


def orm_facts(assignment, student) -> StartFacts:
    override = StudentOverride.objects.filter(assignment=assignment, student=student).first()
    mine = Attempt.objects.filter(assignment=assignment, student=student)
    return StartFacts(
        enrolled=Enrollment.objects.filter(classroom_id=assignment.classroom_id, student=student).exists(),
        personal_closes_at=override.closes_at if override else None,
        extra_attempts=override.extra_attempts if override else 0,
        open_attempt_id=mine.filter(finished_at__isnull=True).values_list("pk", flat=True).first(),
        attempts_used=mine.aggregate(n=Max("number"))["n"] or 0,
        max_score=assignment.items.aggregate(p=Sum("points"))["p"] or 0,
    )


def test_no_override_row_means_no_extension_and_no_extra_attempts(quiz):
    assignment, student = quiz
    other = AssignmentFactory(classroom=assignment.classroom)  # another quiz's and another pupil's extensions
    override_grant(assignment=other, student=student, closes_at=timezone.now() + dt.timedelta(days=9))
    classmate = EnrollmentFactory(classroom=assignment.classroom).student
    override_grant(assignment=assignment, student=classmate, extra_attempts=5)
    expected = StartFacts(
        enrolled=True,
        personal_closes_at=None,
        extra_attempts=0,
        open_attempt_id=None,
        attempts_used=0,
        max_score=3,
    )
    assert facts(assignment, student) == orm_facts(assignment, student) == expected


def test_override_row_gives_the_personal_closing_time_and_extra_attempts(quiz):
    assignment, student = quiz
    closes_at = timezone.now().replace(microsecond=123456) + dt.timedelta(days=2)
    override_grant(assignment=assignment, student=student, closes_at=closes_at, extra_attempts=2)
    found = facts(assignment, student)
    assert found == orm_facts(assignment, student)
    assert (found.personal_closes_at, found.extra_attempts) == (closes_at, 2)
    assert found.personal_closes_at.tzinfo is not None  # aware, as the ORM gives it


def test_override_of_extra_attempts_only_has_no_closing_time(quiz):
    assignment, student = quiz
    override_grant(assignment=assignment, student=student, extra_attempts=1)
    found = facts(assignment, student)
    assert found == orm_facts(assignment, student)
    assert (found.personal_closes_at, found.extra_attempts) == (None, 1)


def test_student_of_another_class_is_not_enrolled(quiz):
    assignment, _ = quiz
    outsider = EnrollmentFactory().student  # enrolled, but elsewhere
    assert facts(assignment, outsider) == orm_facts(assignment, outsider)
    assert facts(assignment, outsider).enrolled is False
    assert facts(assignment, UserFactory()).enrolled is False


def test_open_attempt_is_found_and_counted(quiz):
    assignment, student = quiz
    attempt = attempt_start(assignment=assignment, student=student)
    attempt_start(assignment=assignment, student=EnrollmentFactory(classroom=assignment.classroom).student)
    found = facts(assignment, student)
    assert found == orm_facts(assignment, student)
    assert (found.open_attempt_id, found.attempts_used) == (attempt.pk, 1)


def test_finished_attempts_count_as_used_and_are_not_open(quiz):
    assignment, student = quiz
    for _ in range(2):
        attempt_finish(attempt=attempt_start(assignment=assignment, student=student), student=student)
    found = facts(assignment, student)
    assert found == orm_facts(assignment, student)
    assert (found.open_attempt_id, found.attempts_used) == (None, 2)
    third = attempt_start(assignment=assignment, student=student)
    assert (facts(assignment, student).open_attempt_id, third.number) == (third.pk, 3)


def test_attempts_used_is_the_highest_number_even_with_a_gap(quiz):
    assignment, student = quiz
    for _ in range(2):
        attempt_finish(attempt=attempt_start(assignment=assignment, student=student), student=student)
    Attempt.objects.filter(assignment=assignment, number=1).delete()
    assert facts(assignment, student).attempts_used == 2  # the next is number 3, which is still free
    assert attempt_start(assignment=assignment, student=student).number == 3


def test_assignment_without_items_is_worth_nothing():
    assignment = AssignmentFactory()
    student = EnrollmentFactory(classroom=assignment.classroom).student
    assert facts(assignment, student) == orm_facts(assignment, student)
    assert facts(assignment, student).max_score == 0
