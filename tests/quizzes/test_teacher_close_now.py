""" "Close now" on the teacher's dashboard: a plain form to a confirmation page that says what closing
will do; only its confirmed post closes, only for the class's teacher; the dashboard then says what happened.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from quizzes.models import Assignment, Attempt
from quizzes.services import messages, override_grant
from tests.factories import AssignmentFactory, ClassroomFactory, EnrollmentFactory
from tests.quizzes.teacher_helpers import make_teacher
from tests.quizzes.view_helpers import make_quiz, start

pytestmark = pytest.mark.django_db


def close_url(assignment: Assignment) -> str:
    return reverse("teacher_close", args=[assignment.pk])


def confirm(client, assignment: Assignment):
    return client.post(close_url(assignment), {"confirmed": "yes"}, follow=True)


def teacher_client(assignment: Assignment) -> Client:
    client = Client()
    client.force_login(assignment.classroom.teacher)
    return client


@pytest.fixture
def quiz_in_progress():
    """An open quiz with a student who has answered one question of three rightly and is still answering."""
    quiz = make_quiz(title="Mosul offensive")
    quiz.assignment.classroom.teacher.groups.set(make_teacher().groups.all())
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100,000"})
    return quiz, attempt


def test_each_open_quiz_on_the_dashboard_has_a_close_now_form_naming_it(client, teacher):
    classroom = ClassroomFactory(teacher=teacher)
    now = timezone.now()
    open_quiz = AssignmentFactory(classroom=classroom, title="Open quiz")
    closed = AssignmentFactory(
        classroom=classroom, opens_at=now - dt.timedelta(days=2), closes_at=now - dt.timedelta(days=1)
    )
    later = AssignmentFactory(classroom=classroom, opens_at=now + dt.timedelta(days=1))

    page = client.get(reverse("home")).content.decode()

    form = f'<form method="post" action="{close_url(open_quiz)}"'
    assert form in page
    section = page.split(form, 1)[1].split("</form>", 1)[0]
    assert 'name="csrfmiddlewaretoken"' in section
    assert 'Close now<span class="visually-hidden"> Open quiz</span>' in section  # the quiz is named
    assert close_url(closed) not in page and close_url(later) not in page


def test_the_dashboard_button_leads_to_a_confirmation_and_closes_nothing(quiz_in_progress):
    quiz, attempt = quiz_in_progress
    client = teacher_client(quiz.assignment)

    response = client.post(close_url(quiz.assignment), follow=True)  # the dashboard's post: no confirmation

    assert response.redirect_chain == [(close_url(quiz.assignment), 302)]
    page = response.content.decode()
    assert "Close “Mosul offensive” now?" in page
    assert "1 attempt still in progress is finished now and scored on the answers given so far." in page
    assert 'name="confirmed" value="yes"' in page and 'name="csrfmiddlewaretoken"' in page
    assert '<button type="submit" class="button button--primary">Close “Mosul offensive” now</button>' in page
    quiz.assignment.refresh_from_db()
    assert quiz.assignment.closes_at is None
    assert client.get(close_url(quiz.assignment)).content.decode().count("Close “Mosul offensive” now?") == 1


def test_the_confirmation_says_that_extensions_end_too(quiz_in_progress):
    quiz, _attempt = quiz_in_progress
    override_grant(
        assignment=quiz.assignment, student=quiz.student, closes_at=timezone.now() + dt.timedelta(days=1)
    )
    page = teacher_client(quiz.assignment).get(close_url(quiz.assignment)).content.decode()
    assert "1 student extension running past now ends too." in page


def test_confirming_closes_it_and_the_dashboard_says_so(quiz_in_progress):
    quiz, attempt = quiz_in_progress
    client = teacher_client(quiz.assignment)

    response = confirm(client, quiz.assignment)

    assert response.redirect_chain == [(reverse("home"), 302)]
    named = f"“Mosul offensive” ({quiz.assignment.classroom.name})"
    said = (
        f"{messages.CLOSED_NOW.format(quizzes=named)} {messages.CLOSED_NOW_ATTEMPTS_FINISHED.format(count=1)}"
    )
    page = response.content.decode()
    assert escape(said) in page
    assert '<span class="badge badge--closed">Closed</span>' in page
    assert close_url(quiz.assignment) not in page  # no button for a closed quiz
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 1


def test_the_student_mid_quiz_is_then_told_it_closed_and_sees_their_score(quiz_in_progress):
    quiz, attempt = quiz_in_progress
    confirm(teacher_client(quiz.assignment), quiz.assignment)

    answer = f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/answer/"
    page = quiz.client.post(answer, {"choice": 1}, follow=True)

    html = page.content.decode()
    assert page.redirect_chain[-1][0] == f"/attempt/{attempt.pk}/results/"
    assert messages.CLOSED in html and messages.ALREADY_FINISHED not in html
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 1 and attempt.responses.count() == 1
    dashboard = quiz.client.get(reverse("home")).content.decode()
    assert "badge--closed" in dashboard and "Best score <strong>1 / 3</strong>" in dashboard


def test_closing_twice_is_harmless_and_says_it_was_already_closed(quiz_in_progress):
    quiz, _attempt = quiz_in_progress
    client = teacher_client(quiz.assignment)
    confirm(client, quiz.assignment)
    closed_at = Assignment.objects.get(pk=quiz.assignment.pk).closes_at

    again = confirm(client, quiz.assignment)  # a second tab, or the back button and the button again

    named = f"“Mosul offensive” ({quiz.assignment.classroom.name})"
    assert escape(messages.CLOSE_NOW_ALREADY_CLOSED.format(quizzes=named)) in again.content.decode()
    assert Assignment.objects.get(pk=quiz.assignment.pk).closes_at == closed_at
    page = client.get(close_url(quiz.assignment)).content.decode()
    assert "“Mosul offensive” is already closed" in page and 'name="confirmed"' not in page


def test_a_quiz_not_open_yet_is_not_closed_and_the_page_says_why(client, teacher):
    later = AssignmentFactory(
        classroom=ClassroomFactory(teacher=teacher),
        title="Next week",
        opens_at=timezone.now() + dt.timedelta(days=7),
    )
    page = client.get(close_url(later)).content.decode()
    assert "“Next week” has not opened yet" in page and 'name="confirmed"' not in page
    assert reverse("admin:quizzes_assignment_change", args=[later.pk]) in page

    response = confirm(client, later)

    assert escape(
        messages.CLOSE_NOW_NOT_OPEN_YET.format(quizzes=f"“Next week” ({later.classroom.name})")
    ) in (response.content.decode())
    later.refresh_from_db()
    assert later.closes_at is None


@pytest.mark.parametrize("who", ["another teacher", "a student of the class"])
def test_anyone_but_the_classs_teacher_gets_404_and_nothing_closes(quiz_in_progress, who):
    quiz, attempt = quiz_in_progress
    client = quiz.client
    if who == "another teacher":
        client = Client()
        client.force_login(make_teacher())
    url = close_url(quiz.assignment)

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert client.post(url, {"confirmed": "yes"}).status_code == 404
    quiz.assignment.refresh_from_db()
    assert quiz.assignment.closes_at is None and not Attempt.objects.get(pk=attempt.pk).is_finished


def test_signed_out_is_sent_to_sign_in_and_other_methods_are_refused(quiz_in_progress):
    quiz, _attempt = quiz_in_progress
    url = close_url(quiz.assignment)
    assert Client().post(url, {"confirmed": "yes"})["Location"].startswith(reverse("login"))
    assert teacher_client(quiz.assignment).put(url).status_code == 405
    quiz.assignment.refresh_from_db()
    assert quiz.assignment.closes_at is None


def test_the_teachers_dashboard_costs_the_same_queries_with_one_open_quiz_or_many(
    client, teacher, django_assert_max_num_queries
):
    classroom = ClassroomFactory(teacher=teacher)
    AssignmentFactory(classroom=classroom)
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("home")).content.decode().count("Close now<span") == 1
    for _ in range(4):
        quiz = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher))
        EnrollmentFactory(classroom=quiz.classroom)
    with django_assert_max_num_queries(len(one)):
        assert client.get(reverse("home")).content.decode().count("Close now<span") == 5
