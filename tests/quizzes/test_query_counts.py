"""Reads cost the same number of queries whatever the class size, quiz length or number of attempts."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.models import Attempt, Enrollment, Response
from quizzes.selectors import (
    assignment_leaderboard,
    assignment_report,
    attempt_state,
    classroom_leaderboard,
    student_dashboard,
)
from tests.factories import (
    AssignmentFactory,
    AssignmentQuestionFactory,
    UserFactory,
    multiple_choice_question,
)

pytestmark = pytest.mark.django_db
SMALL = {"students": 5, "questions": 3, "attempts": 1}
LARGE = {"students": 50, "questions": 12, "attempts": 3}


def build_class(*, students: int, questions: int, attempts: int):
    """A class where every student has `attempts` finished attempts (the last one open) at two quizzes."""
    start = timezone.now() - dt.timedelta(hours=2)
    first = AssignmentFactory(attempts_allowed=attempts + 1, opens_at=start)
    second = AssignmentFactory(classroom=first.classroom, attempts_allowed=attempts + 1, opens_at=start)
    items = {}
    for assignment in (first, second):
        items[assignment] = [
            AssignmentQuestionFactory(
                assignment=assignment,
                position=i,
                question=multiple_choice_question(article=assignment.article),
            )
            for i in range(questions)
        ]
    users = UserFactory.create_batch(students)
    Enrollment.objects.bulk_create(
        Enrollment(classroom=first.classroom, student=u, display_name=f"Pupil {i}")
        for i, u in enumerate(users)
    )
    responses = []
    for assignment, assignment_items in items.items():
        for s, user in enumerate(users):
            for number in range(1, attempts + 2):
                finished = start + dt.timedelta(minutes=s + number) if number <= attempts else None
                attempt = Attempt.objects.create(
                    assignment=assignment,
                    student=user,
                    number=number,
                    started_at=start,
                    finished_at=finished,
                    max_score=questions,
                    score=(s + number) % (questions + 1),
                )
                for item in assignment_items[: attempt.score]:
                    responses.append(Response(attempt=attempt, question=item.question, given_answer="x"))
    Response.objects.bulk_create(responses)
    student = users[0]
    open_attempt = Attempt.objects.get(assignment=first, student=student, finished_at__isnull=True)
    return first, student, open_attempt


READS = {
    "dashboard": lambda assignment, student, attempt: student_dashboard(student=student),
    "attempt_state": lambda assignment, student, attempt: attempt_state(attempt=attempt),
    "assignment_leaderboard": lambda assignment, student, attempt: assignment_leaderboard(
        assignment=assignment
    ),
    "classroom_leaderboard": lambda assignment, student, attempt: classroom_leaderboard(
        classroom=assignment.classroom
    ),
    "report": lambda assignment, student, attempt: assignment_report(assignment=assignment),
}


def count_queries(read, size) -> tuple[int, object]:
    assignment, student, attempt = build_class(**size)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        result = read(assignment, student, attempt)
    # Touch what a template would touch, so lazy loading would show up as extra queries.
    for row in getattr(result, "rows", None) or (result if isinstance(result, list) else []):
        str(getattr(row, "classroom", "")), str(getattr(row, "assignment", ""))
    if hasattr(result, "items"):
        for item in result.items:
            list(item.question.choices.all())
    if hasattr(result, "questions"):
        [q.item.question.prompt for q in result.questions]
    return len(captured), result


@pytest.mark.parametrize("name", READS)
def test_query_count_does_not_grow_with_class_questions_or_attempts(name):
    small, small_result = count_queries(READS[name], SMALL)
    large, large_result = count_queries(READS[name], LARGE)
    assert large == small
    assert small <= 7
    if name == "assignment_leaderboard":
        assert len(large_result) == LARGE["students"]
