"""The student dashboard answers 304 Not Modified until something on it can have changed."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from quizzes import services
from tests.factories import (
    ArticleFactory,
    AssignmentFactory,
    ClassroomFactory,
    UserFactory,
    multiple_choice_question,
)
from tests.quizzes.view_helpers import HTMX, make_quiz, start

pytestmark = pytest.mark.django_db


def _tag(client: Client, **headers) -> str:
    response = client.get("/", headers=headers)
    assert response.status_code == 200
    return response["ETag"]


def _revalidate(client: Client, etag: str, **headers):
    return client.get("/", headers={"If-None-Match": etag, **headers})


def test_unchanged_dashboard_is_answered_304_and_varies_on_htmx_and_cookie():
    quiz = make_quiz()
    first = quiz.client.get("/")
    assert first["ETag"] and "private" in first["Cache-Control"]
    again = _revalidate(quiz.client, first["ETag"])
    assert again.status_code == 304 and again.content == b""
    for response in (first, again):
        vary = {part.strip().lower() for part in response["Vary"].split(",")}
        assert {"hx-request", "cookie"} <= vary
    assert _revalidate(quiz.client, first["ETag"], **HTMX).status_code == 200


def test_another_student_never_gets_a_304_for_someone_elses_tag():
    quiz = make_quiz()
    etag = _tag(quiz.client)
    other = Client()
    other.force_login(UserFactory())
    other.get("/")  # gets its own CSRF cookie
    assert _revalidate(other, etag).status_code == 200


def test_a_token_from_the_first_page_still_starts_the_quiz_after_a_304():
    quiz = make_quiz()
    client = Client(enforce_csrf_checks=True)
    client.force_login(quiz.student)
    first = client.get("/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', first.content.decode()).group(1)
    assert _revalidate(client, first["ETag"]).status_code == 304
    started = client.post(f"/assignment/{quiz.assignment.pk}/start/", {"csrfmiddlewaretoken": token})
    assert started.status_code == 302 and "/attempt/" in started["Location"]


def test_a_new_assignment_changes_the_tag_and_appears(django_capture_on_commit_callbacks):
    quiz = make_quiz()
    etag = _tag(quiz.client)
    article = ArticleFactory()
    multiple_choice_question(article=article, status="approved")
    with django_capture_on_commit_callbacks(execute=True):
        services.assignment_create(
            classroom=quiz.assignment.classroom,
            article=article,
            opens_at=timezone.now() + dt.timedelta(days=1),  # no clock boundary passes: only the write shows
            title="Fresh quiz",
        )
    response = _revalidate(quiz.client, etag)
    assert response.status_code == 200 and "Fresh quiz" in response.content.decode()


def test_finishing_changes_the_tag_and_shows_the_score(django_capture_on_commit_callbacks):
    quiz = make_quiz()
    attempt = start(quiz)
    etag = _tag(quiz.client)
    with django_capture_on_commit_callbacks(execute=True):
        quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100000"})
        quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    response = _revalidate(quiz.client, etag)
    assert response.status_code == 200 and "Best score <strong>1 / 3</strong>" in response.content.decode()


def test_joining_a_class_changes_the_tag(django_capture_on_commit_callbacks):
    quiz = make_quiz()
    etag = _tag(quiz.client)
    classroom = ClassroomFactory(name="Year 9 History")
    AssignmentFactory(classroom=classroom, title="Tudor quiz", opens_at=timezone.now() + dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        joined = quiz.client.post("/join/", {"join_code": classroom.join_code, "display_name": "Ada"})
    assert joined.status_code == 302
    assert "You have joined Year 9 History" in quiz.client.get("/").content.decode()  # shown once, rendered
    response = _revalidate(quiz.client, etag)
    assert response.status_code == 200 and "Tudor quiz" in response.content.decode()


def test_a_regrade_changes_the_tag_and_the_score(django_capture_on_commit_callbacks):
    quiz = make_quiz()
    attempt = start(quiz)
    with django_capture_on_commit_callbacks(execute=True):
        quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "12"})
        quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    etag = _tag(quiz.client)
    assert _revalidate(quiz.client, etag).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        services.question_update(question=quiz.short, answer="12")
    response = _revalidate(quiz.client, etag)
    assert response.status_code == 200 and "Best score <strong>1 / 3</strong>" in response.content.decode()


def test_a_quiz_opening_by_the_clock_changes_the_tag_within_the_minute(monkeypatch):
    start_of_minute = timezone.now().replace(second=5, microsecond=0) + dt.timedelta(minutes=5)
    quiz = make_quiz(opens_at=start_of_minute + dt.timedelta(seconds=20))
    monkeypatch.setattr(timezone, "now", lambda: start_of_minute)
    upcoming = quiz.client.get("/")
    assert "Upcoming" in upcoming.content.decode()
    monkeypatch.setattr(timezone, "now", lambda: start_of_minute + dt.timedelta(seconds=30))
    response = _revalidate(quiz.client, upcoming["ETag"])
    assert response.status_code == 200 and "Start" in response.content.decode()


def test_an_extension_running_out_changes_the_tag(monkeypatch):
    moment = timezone.now().replace(second=5, microsecond=0) + dt.timedelta(minutes=5)
    quiz = make_quiz(opens_at=moment - dt.timedelta(hours=1), closes_at=moment - dt.timedelta(minutes=30))
    quiz.assignment.overrides.create(student=quiz.student, closes_at=moment + dt.timedelta(seconds=20))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    open_page = quiz.client.get("/")
    assert "Start" in open_page.content.decode()
    monkeypatch.setattr(timezone, "now", lambda: moment + dt.timedelta(seconds=30))
    response = _revalidate(quiz.client, open_page["ETag"])
    assert response.status_code == 200 and "Closed" in response.content.decode()


def test_teachers_dashboard_is_always_rendered():
    teacher = UserFactory(is_staff=True)
    client = Client()
    client.force_login(teacher)
    assert "ETag" not in client.get("/")


def test_starting_a_quiz_changes_the_tag_so_the_dashboard_says_continue():
    quiz = make_quiz()
    etag = _tag(quiz.client)
    start(quiz)
    response = _revalidate(quiz.client, etag)
    assert response.status_code == 200 and "Continue" in response.content.decode()
