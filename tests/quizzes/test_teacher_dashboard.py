"""The teacher's dashboard: each class with its quizzes, whether each is open, how many students have
finished and the class average of their best scores."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.selectors import teaching_overview
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    ClassroomFactory,
    EnrollmentFactory,
    finished_attempt,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def class_with_results(teacher):
    classroom = ClassroomFactory(teacher=teacher, name="Year 9 English")
    students = [EnrollmentFactory(classroom=classroom).student for _ in range(3)]
    quiz = AssignmentFactory(classroom=classroom, title="Mosul offensive", attempts_allowed=2)
    finished_attempt(quiz, students[0], score=2)
    finished_attempt(quiz, students[0], score=4, number=2)  # the best attempt counts: 100 %
    finished_attempt(quiz, students[1], score=2)  # 50 %
    AttemptFactory(assignment=quiz, student=students[2])  # still answering: not finished
    return classroom, quiz, students


def test_a_quiz_shows_how_many_finished_and_the_average_of_best_scores(teacher, class_with_results):
    classroom, quiz, _students = class_with_results
    (overview,) = teaching_overview(teacher=teacher)
    assert overview.classroom == classroom and overview.student_total == 3
    (row,) = overview.assignments
    assert (row.assignment, row.status, row.finished, row.students) == (quiz, "open", 2, 3)
    assert row.average_percent == 75


def test_status_follows_the_clock_and_a_quiz_nobody_finished_has_no_average(teacher):
    classroom = ClassroomFactory(teacher=teacher)
    now = timezone.now()
    AssignmentFactory(classroom=classroom, title="Later", opens_at=now + dt.timedelta(days=1))
    AssignmentFactory(
        classroom=classroom,
        title="Done",
        opens_at=now - dt.timedelta(days=2),
        closes_at=now - dt.timedelta(days=1),
    )
    (overview,) = teaching_overview(teacher=teacher, now=now)
    statuses = {
        row.assignment.title: (row.status, row.finished, row.average_percent) for row in overview.assignments
    }
    assert statuses == {"Later": ("upcoming", 0, None), "Done": ("closed", 0, None)}


def test_only_the_teachers_own_classes_are_shown(teacher, class_with_results):
    ClassroomFactory(name="Someone else's class")
    assert [c.classroom.name for c in teaching_overview(teacher=teacher)] == ["Year 9 English"]


def test_the_dashboard_page_shows_progress_and_links(client, teacher, class_with_results):
    _classroom, quiz, _students = class_with_results
    page = client.get(reverse("home")).content.decode()
    assert "Year 9 English" in page and "3 students" in page
    assert "2 of 3 finished" in page and "Class average <strong>75%</strong>" in page
    assert reverse("teacher_report", args=[quiz.pk]) in page


def test_each_quiz_links_its_settings_to_close_or_extend_it(client, teacher, class_with_results):
    # Closing a quiz early or giving one student more time happens on the assignment's admin page, which
    # the dashboard did not link: a teacher had to find it through Teacher admin > Assignments.
    _classroom, quiz, _students = class_with_results
    page = client.get(reverse("home")).content.decode()
    assert f'<a href="{reverse("admin:quizzes_assignment_change", args=[quiz.pk])}">Settings' in page


def test_the_overview_costs_the_same_queries_for_one_class_or_many(
    teacher, class_with_results, django_assert_num_queries
):
    with django_assert_num_queries(4):
        teaching_overview(teacher=teacher)
    for _ in range(3):
        classroom = ClassroomFactory(teacher=teacher)
        quiz = AssignmentFactory(classroom=classroom)
        finished_attempt(quiz, EnrollmentFactory(classroom=classroom).student, score=1)
    with django_assert_num_queries(4):
        assert len(teaching_overview(teacher=teacher)) == 4


def test_an_attempt_left_open_past_the_closing_time_counts_as_finished_as_in_the_report(teacher):
    classroom = ClassroomFactory(teacher=teacher)
    student = EnrollmentFactory(classroom=classroom).student
    now = timezone.now()
    quiz = AssignmentFactory(
        classroom=classroom, opens_at=now - dt.timedelta(hours=2), closes_at=now - dt.timedelta(minutes=5)
    )
    AttemptFactory(
        assignment=quiz, student=student, score=3, max_score=4, started_at=now - dt.timedelta(hours=1)
    )

    (row,) = teaching_overview(teacher=teacher, now=now)[0].assignments
    assert (row.status, row.finished, row.average_percent) == ("closed", 1, 75)
