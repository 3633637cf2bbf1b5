"""Signing in, the dashboard, joining a class and the results page, as a student sees them."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes import throttle
from quizzes.models import Assignment, Enrollment
from quizzes.services import messages
from tests.factories import ClassroomFactory, EnrollmentFactory, UserFactory
from tests.quizzes.view_helpers import make_quiz, start

pytestmark = pytest.mark.django_db


def test_sign_in_then_the_dashboard_lists_the_assigned_quiz():
    quiz = make_quiz()
    client = Client()
    signed_in = client.post("/login/", {"username": quiz.student.username, "password": "pw"})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/"
    html = client.get("/").content.decode()
    assert "<h1>My quizzes</h1>" in html
    assert quiz.assignment.title in html and "Open" in html and "Start" in html


def test_repeated_failed_sign_ins_lock_the_account_with_the_wait_time():
    student = UserFactory()
    client = Client()
    for _ in range(throttle.LOGIN_MAX_FAILURES):
        client.post("/login/", {"username": student.username, "password": "wrong"})
    locked = client.post("/login/", {"username": student.username, "password": "pw"})
    assert locked.status_code == 200  # even the right password waits for the cool-off
    assert "Too many failed sign-ins for this account. Please wait" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    other = UserFactory()
    assert client.post("/login/", {"username": other.username, "password": "pw"}).status_code == 302


def test_dashboard_shows_best_score_and_attempts_after_finishing():
    quiz = make_quiz()
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100,000"})
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    html = quiz.client.get("/").content.decode()
    assert "Best score <strong>1 / 3</strong>" in html
    assert "Attempts 1 of 1" in html
    assert f"/assignment/{quiz.assignment.pk}/results/" in html


def test_dashboard_links_results_only_when_a_finished_attempt_has_some():
    quiz = make_quiz(attempts_allowed=3)
    results = f"/assignment/{quiz.assignment.pk}/results/"
    first = start(quiz)
    assert results not in quiz.client.get("/").content.decode()  # in progress, nothing finished yet
    quiz.client.post(f"/attempt/{first.pk}/finish/")
    start(quiz)  # trying again
    assert results in quiz.client.get("/").content.decode()  # the first attempt's results, while trying again
    first.delete()  # an admin removed the only finished attempt: a link would lead to a 404
    assert results not in quiz.client.get("/").content.decode()
    assert quiz.client.get(results).status_code == 404


def test_join_with_a_good_code_enrols_and_shows_the_name_escaped():
    classroom = ClassroomFactory(join_code="ABCD2345")
    student = UserFactory()
    client = Client()
    client.force_login(student)
    response = client.post("/join/", {"join_code": "abcd2345", "display_name": "<b>Bo</b>"}, follow=True)
    enrollment = Enrollment.objects.get(student=student, classroom=classroom)
    assert enrollment.display_name == "<b>Bo</b>"
    assert classroom.name in response.content.decode()
    assert "<b>Bo</b>" not in response.content.decode()


def test_joining_again_under_another_name_says_the_name_stays():
    classroom = ClassroomFactory(join_code="ABCD2345", name="Year 9")
    student = UserFactory()
    client = Client()
    client.force_login(student)
    client.post(
        "/join/", {"join_code": "ABCD2345", "display_name": "Amira"}, follow=True
    )  # its message shown
    again = client.post("/join/", {"join_code": "ABCD2345", "display_name": "Amira K"}, follow=True)
    page = again.content.decode()
    assert "You are already in Year 9, as Amira." in page
    assert "You have joined" not in page
    assert Enrollment.objects.get(student=student, classroom=classroom).display_name == "Amira"


def test_wrong_join_code_says_so_and_repeated_guessing_is_slowed():
    student = UserFactory()
    client = Client()
    client.force_login(student)
    first = client.post("/join/", {"join_code": "NOPE0000", "display_name": "Bo"})
    assert first.status_code == 400 and messages.JOIN_CODE_UNKNOWN in first.content.decode()
    for _ in range(throttle.JOIN_MAX_FAILURES):
        last = client.post("/join/", {"join_code": "NOPE0000", "display_name": "Bo"})
    assert "Too many wrong class codes" in last.content.decode()
    assert not Enrollment.objects.filter(student=student).exists()


def test_over_long_display_name_is_refused_with_a_message():
    classroom = ClassroomFactory()
    client = Client()
    client.force_login(UserFactory())
    response = client.post("/join/", {"join_code": classroom.join_code, "display_name": "x" * 61})
    assert messages.JOIN_DISPLAY_NAME_TOO_LONG in response.content.decode()
    assert not Enrollment.objects.exists()


def _input(html: str, name: str) -> str:
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group()


def test_a_refused_join_puts_focus_on_the_field_to_correct():
    # On a phone the join form is below the quizzes: the page came back at its top, the error out of sight.
    classroom = ClassroomFactory()
    client = Client()
    client.force_login(UserFactory())
    assert "autofocus" not in client.get("/").content.decode()  # a plain visit is not pulled down the page
    wrong_code = client.post("/join/", {"join_code": "NOPE0000", "display_name": "Bo"}).content.decode()
    assert "autofocus" in _input(wrong_code, "join_code")
    assert 'aria-describedby="join_errors"' in _input(wrong_code, "join_code")
    assert 'id="join_errors"' in wrong_code
    assert "autofocus" not in _input(wrong_code, "display_name")
    no_name = client.post("/join/", {"join_code": classroom.join_code, "display_name": ""}).content.decode()
    assert "autofocus" in _input(no_name, "display_name")
    assert "autofocus" not in _input(no_name, "join_code")


def test_results_hide_answers_until_the_reveal_point():
    quiz = make_quiz(reveal=Assignment.Reveal.AFTER_CLOSE, closes_at=timezone.now() + dt.timedelta(hours=1))
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "12"})
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    hidden = quiz.client.get(f"/attempt/{attempt.pk}/results/").content.decode()
    assert "will appear here after the quiz closes" in hidden
    assert "Your answer:" in hidden and "<strong>12</strong>" in hidden
    assert "100,000" not in hidden and quiz.mc.explanation not in hidden

    Assignment.objects.filter(pk=quiz.assignment.pk).update(
        closes_at=timezone.now() - dt.timedelta(minutes=1)
    )
    shown = quiz.client.get(f"/attempt/{attempt.pk}/results/").content.decode()
    assert "The answer is <strong>100,000</strong>" in shown
    assert quiz.mc.explanation in shown and "Not quite." in shown


def test_results_after_finish_reveal_reviews_every_question():
    quiz = make_quiz(reveal=Assignment.Reveal.AFTER_FINISH)
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100 000"})
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    html = quiz.client.get(f"/assignment/{quiz.assignment.pk}/results/", follow=True).content.decode()
    for question in quiz.questions:
        assert question.prompt in html
    assert html.count("not answered") == 2 and "Correct" in html


def _dashboard_queries(students: int) -> int:
    quiz = make_quiz()
    for _ in range(students):
        other = UserFactory()
        EnrollmentFactory(classroom=quiz.assignment.classroom, student=other)
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert quiz.client.get("/").status_code == 200
    return len(queries)


def test_dashboard_query_count_does_not_grow_with_the_class():
    assert _dashboard_queries(5) == _dashboard_queries(50)


def test_take_page_query_count_does_not_grow_with_the_class():
    counts = []
    for size in (5, 50):
        quiz = make_quiz()
        for _ in range(size):
            EnrollmentFactory(classroom=quiz.assignment.classroom, student=UserFactory())
        attempt = start(quiz)
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert quiz.client.get(f"/attempt/{attempt.pk}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
