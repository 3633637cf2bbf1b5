"""Leaderboards: accuracy first, time breaks ties, equal rows share a rank, best attempt counts."""

import datetime as dt

import pytest
from django.utils import timezone

from quizzes.models import Attempt, Enrollment, Response
from quizzes.selectors import assignment_leaderboard, assignment_report, board_version, classroom_leaderboard
from quizzes.services import attempt_finish, enrollment_remove, response_submit
from tests.factories import (
    AssignmentFactory,
    AssignmentQuestionFactory,
    AttemptFactory,
    ClassroomFactory,
    EnrollmentFactory,
    finished_attempt,
)

pytestmark = pytest.mark.django_db
T0 = timezone.now() - dt.timedelta(hours=1)


def finished(assignment, student, *, score, max_score=4, minutes=5, number=1):
    return finished_attempt(
        assignment, student, score=score, max_score=max_score, minutes=minutes, number=number, started_at=T0
    )


def pupil(classroom, name):
    return EnrollmentFactory(classroom=classroom, display_name=name).student


def board(assignment, **kw):
    return [(r.rank, r.display_name, r.score) for r in assignment_leaderboard(assignment=assignment, **kw)]


def test_accuracy_ranks_first_and_time_only_breaks_ties():
    assignment = AssignmentFactory()
    c = assignment.classroom
    finished(assignment, pupil(c, "Slow but right"), score=4, minutes=20)
    finished(assignment, pupil(c, "Fast and wrong"), score=1, minutes=1)
    finished(assignment, pupil(c, "Fast and right"), score=4, minutes=3)
    assert board(assignment) == [(1, "Fast and right", 4), (2, "Slow but right", 4), (3, "Fast and wrong", 1)]


def test_ties_share_a_rank_and_the_next_rank_skips():
    assignment = AssignmentFactory()
    c = assignment.classroom
    finished(assignment, pupil(c, "Ana"), score=3)
    finished(assignment, pupil(c, "Ben"), score=3)
    finished(assignment, pupil(c, "Cy"), score=2)
    assert board(assignment) == [(1, "Ana", 3), (1, "Ben", 3), (3, "Cy", 2)]


def test_best_finished_attempt_counts_and_open_attempts_do_not():
    assignment = AssignmentFactory(attempts_allowed=3)
    c = assignment.classroom
    ana, ben = pupil(c, "Ana"), pupil(c, "Ben")
    finished(assignment, ana, score=1, number=1)
    finished(assignment, ana, score=3, number=2)
    AttemptFactory(assignment=assignment, student=ana, number=3, score=4, max_score=4)  # still open
    finished(assignment, ben, score=2)
    assert board(assignment) == [(1, "Ana", 3), (2, "Ben", 2)]


def test_limit_gives_the_top_rows():
    assignment = AssignmentFactory()
    for score in range(5):
        finished(assignment, pupil(assignment.classroom, f"P{score}"), score=score)
    assert [r[1] for r in board(assignment, limit=2)] == ["P4", "P3"]


def test_accuracy_and_seconds_are_reported():
    assignment = AssignmentFactory()
    finished(assignment, pupil(assignment.classroom, "Ana"), score=3, max_score=4, minutes=2)
    (row,) = assignment_leaderboard(assignment=assignment)
    assert (row.accuracy, row.seconds, row.max_score) == (0.75, 120, 4)


def test_classroom_board_sums_best_attempts_over_assignments():
    classroom = ClassroomFactory()
    first, second = AssignmentFactory(classroom=classroom), AssignmentFactory(classroom=classroom)
    for a in (first, second):
        AssignmentQuestionFactory.create_batch(4, assignment=a)
    ana, ben = pupil(classroom, "Ana"), pupil(classroom, "Ben")
    finished(first, ana, score=2, number=1)
    finished(first, ana, score=4, number=2)
    finished(second, ana, score=1)
    finished(first, ben, score=3)
    finished(second, ben, score=3)
    rows = classroom_leaderboard(classroom=classroom)
    assert [(r.rank, r.display_name, r.score, r.max_score) for r in rows] == [
        (1, "Ben", 6, 8),
        (2, "Ana", 5, 8),
    ]
    assert rows[0].accuracy == 0.75


def test_removed_student_leaves_the_board_but_question_stats_still_add_up():
    assignment = AssignmentFactory()
    item = AssignmentQuestionFactory(assignment=assignment)
    c = assignment.classroom
    stay, leave = pupil(c, "Stays"), pupil(c, "Leaves")
    for student in (stay, leave):
        attempt = AttemptFactory(assignment=assignment, student=student, max_score=1)
        response_submit(attempt=attempt, student=student, question_id=item.question_id, answer_text="Mosul")
        Attempt.objects.filter(pk=attempt.pk).update(finished_at=timezone.now())
    enrollment_remove(enrollment=Enrollment.objects.get(student=leave))
    assert board(assignment) == [(1, "Stays", 1)]
    assert [r.display_name for r in classroom_leaderboard(classroom=c)] == ["Stays"]
    assert not Attempt.objects.filter(student=leave).exists()
    assert Response.objects.filter(question=item.question).count() == 2
    (stats,) = assignment_report(assignment=assignment).questions
    assert (stats.answered, stats.correct) == (2, 2)
    assert [row.display_name for row in assignment_report(assignment=assignment).rows] == ["Stays"]


def test_board_version_changes_when_an_attempt_finishes_not_on_each_answer(
    django_capture_on_commit_callbacks,
):
    # Boards rank finished attempts only, so an answer cannot change one: polls stay 304 as a class answers.
    assignment = AssignmentFactory()
    item = AssignmentQuestionFactory(assignment=assignment)
    student = pupil(assignment.classroom, "Ana")
    attempt = AttemptFactory(assignment=assignment, student=student, max_score=1)
    before = board_version(classroom_id=assignment.classroom_id)
    assert board_version(classroom_id=assignment.classroom_id) == before
    with django_capture_on_commit_callbacks(execute=True):
        response_submit(attempt=attempt, student=student, question_id=item.question_id, answer_text="Mosul")
    assert board_version(classroom_id=assignment.classroom_id) == before
    assert classroom_leaderboard(classroom=assignment.classroom) == []
    with django_capture_on_commit_callbacks(execute=True):
        attempt_finish(attempt=attempt, student=student)
    assert board_version(classroom_id=assignment.classroom_id) != before
    assert [r.display_name for r in classroom_leaderboard(classroom=assignment.classroom)] == ["Ana"]


def test_classroom_board_time_breaks_ties_and_equal_rows_share_a_rank():
    classroom = ClassroomFactory()
    assignment = AssignmentFactory(classroom=classroom)
    AssignmentQuestionFactory.create_batch(4, assignment=assignment)
    finished(assignment, pupil(classroom, "Slow"), score=3, minutes=9)
    finished(assignment, pupil(classroom, "Quick"), score=3, minutes=2)
    finished(assignment, pupil(classroom, "Also quick"), score=3, minutes=2)
    rows = classroom_leaderboard(classroom=classroom)
    assert [(r.rank, r.display_name) for r in rows] == [(1, "Also quick"), (1, "Quick"), (3, "Slow")]


def test_dashboard_version_changes_on_finishing_joins_and_by_the_minute(django_capture_on_commit_callbacks):
    from quizzes.selectors import dashboard_version
    from quizzes.services import classroom_join

    assignment = AssignmentFactory()
    item = AssignmentQuestionFactory(assignment=assignment)
    student = pupil(assignment.classroom, "Ana")
    attempt = AttemptFactory(assignment=assignment, student=student, max_score=1)
    now = timezone.now().replace(second=0)
    before = dashboard_version(student_id=student.pk, now=now)
    assert dashboard_version(student_id=student.pk, now=now + dt.timedelta(seconds=30)) == before
    assert dashboard_version(student_id=student.pk, now=now + dt.timedelta(minutes=1)) != before
    with django_capture_on_commit_callbacks(execute=True):
        response_submit(attempt=attempt, student=student, question_id=item.question_id, answer_text="Mosul")
        attempt_finish(attempt=attempt, student=student)
    after_answer = dashboard_version(student_id=student.pk, now=now)
    assert after_answer != before
    ClassroomFactory(join_code="NEWCLAS")
    with django_capture_on_commit_callbacks(execute=True):
        classroom_join(student=student, join_code="NEWCLAS", display_name="Ana")
    assert dashboard_version(student_id=student.pk, now=now) != after_answer
