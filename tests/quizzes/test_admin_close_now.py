"""The Assignments list's "Close selected quizzes now" action: closes the teacher's own open quizzes through
`assignments_close_now` and says which it closed, and which it left alone and why."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from quizzes.models import Assignment, Attempt
from quizzes.services import messages
from tests.factories import AssignmentFactory, AttemptFactory, ClassroomFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:quizzes_assignment_changelist"


def close_selected(client, assignments):
    data = {"action": "close_now", "_selected_action": [a.pk for a in assignments]}
    return client.post(reverse(CHANGELIST), data, follow=True)


def named(assignment: Assignment) -> str:
    return f"“{assignment.title}” ({assignment.classroom.name})"


def test_the_action_is_offered_on_the_assignments_list(client, teacher):
    AssignmentFactory(classroom=ClassroomFactory(teacher=teacher))
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert '<option value="close_now">Close selected quizzes now</option>' in page


def test_closes_the_open_ones_and_says_which_were_left_alone_and_why(client, teacher):
    classroom = ClassroomFactory(teacher=teacher, name="Year 9")
    now = timezone.now()
    open_quiz = AssignmentFactory(classroom=classroom, title="Open one")
    attempt = AttemptFactory(assignment=open_quiz, student=EnrollmentFactory(classroom=classroom).student)
    done = AssignmentFactory(
        classroom=classroom,
        title="Done one",
        opens_at=now - dt.timedelta(days=2),
        closes_at=now - dt.timedelta(days=1),
    )
    later = AssignmentFactory(classroom=classroom, title="Later one", opens_at=now + dt.timedelta(days=1))

    response = close_selected(client, [open_quiz, done, later])

    page = response.content.decode()
    closed = " ".join(
        [
            messages.CLOSED_NOW.format(quizzes=named(open_quiz)),
            messages.CLOSED_NOW_ATTEMPTS_FINISHED.format(count=1),
        ]
    )
    assert escape(closed) in page
    assert escape(messages.CLOSE_NOW_ALREADY_CLOSED.format(quizzes=named(done))) in page
    assert escape(messages.CLOSE_NOW_NOT_OPEN_YET.format(quizzes=named(later))) in page
    open_quiz.refresh_from_db(), done.refresh_from_db(), later.refresh_from_db()
    assert open_quiz.closes_at is not None and open_quiz.closes_at <= timezone.now()
    assert done.closes_at == now - dt.timedelta(days=1) and later.closes_at is None
    assert Attempt.objects.get(pk=attempt.pk).is_finished


def test_another_teachers_quiz_selected_with_ones_own_is_left_open(client, teacher):
    mine = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher), title="Mine to close")
    theirs = AssignmentFactory(
        title="Someone else's quiz"
    )  # another teacher's class: not on this teacher's list, not closed

    page = close_selected(client, [mine, theirs]).content.decode()

    assert escape(messages.CLOSED_NOW.format(quizzes=named(mine))) in page
    assert theirs.title not in page
    mine.refresh_from_db(), theirs.refresh_from_db()
    assert mine.closes_at is not None and theirs.closes_at is None
