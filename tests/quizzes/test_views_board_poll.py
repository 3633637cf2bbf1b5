"""A student's open page polls the class board by HTMX: a fragment with an ETag, 304 while nothing changed."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from quizzes.board_cache import poll_state_key
from quizzes.models import Assignment
from tests.factories import UserFactory
from tests.quizzes.view_helpers import HTMX, make_quiz, start

pytestmark = pytest.mark.django_db


def board_url(quiz) -> str:
    return f"/classroom/{quiz.assignment.classroom.pk}/board/"


def finish_with_short_answer(quiz) -> None:
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100,000"})
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")


def test_class_board_poll_is_a_fragment_then_304_until_a_score_changes(django_capture_on_commit_callbacks):
    quiz = make_quiz()
    first = quiz.client.get(board_url(quiz), headers=HTMX)
    assert first.status_code == 200 and "<html" not in first.content.decode()
    etag = first["ETag"]

    unchanged = quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""

    with django_capture_on_commit_callbacks(execute=True):
        finish_with_short_answer(quiz)
    changed = quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Ada" in changed.content.decode()


def test_class_board_page_without_htmx_is_still_the_whole_page():
    quiz = make_quiz()
    page = quiz.client.get(board_url(quiz))
    assert page.status_code == 200 and "<h1>Leaderboard:" in page.content.decode()


def test_class_board_page_refreshes_itself_every_ten_seconds_from_its_own_url():
    quiz = make_quiz()
    html = quiz.client.get(board_url(quiz)).content.decode()
    assert f'hx-get="{board_url(quiz)}" hx-trigger="every 10s"' in html
    assignment_page = quiz.client.get(f"/assignment/{quiz.assignment.pk}/board/").content.decode()
    assert "hx-trigger" not in assignment_page


def test_a_known_etag_gets_no_304_for_someone_not_allowed_to_see_the_board(
    django_capture_on_commit_callbacks,
):
    quiz = make_quiz()
    etag = quiz.client.get(board_url(quiz), headers=HTMX)["ETag"]
    outsider = Client()
    outsider.force_login(UserFactory())
    assert outsider.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code == 404

    assert quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code == 304
    quiz.assignment.show_leaderboard = False  # as the admin saves it: the kept poll state is dropped
    with django_capture_on_commit_callbacks(execute=True):
        quiz.assignment.save()
    assert quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code == 404


def test_a_hidden_board_set_behind_the_apps_back_stops_answering_within_seconds():
    # An update() that skips save() leaves the kept poll state: for up to POLL_STATE_SECONDS an open page
    # is told to keep the board it was already shown (a 304 carries nothing new), then it gets the 404.
    quiz = make_quiz()
    etag = quiz.client.get(board_url(quiz), headers=HTMX)["ETag"]
    assert quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code == 304
    Assignment.objects.filter(pk=quiz.assignment.pk).update(show_leaderboard=False)
    cache.delete(poll_state_key(quiz.assignment.classroom_id))  # what POLL_STATE_SECONDS passing does
    assert quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code == 404


def test_an_unchanged_poll_reads_the_kept_board_state_and_no_session_or_user():
    quiz = make_quiz()
    etag = quiz.client.get(board_url(quiz), headers=HTMX)["ETag"]
    first = quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag})
    assert first.status_code == 304  # reads the class's board state once, and keeps it a few seconds
    with CaptureQueriesContext(connection) as queries:
        response = quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag})
    assert response.status_code == 304
    # The class's board version, kept in the shared cache (here the database's cache table: one read; with
    # Redis, none); the tag was signed for this session cookie.
    assert len(queries) <= 1
    assert not [q["sql"] for q in queries.captured_queries if "quizzes_classroom" in q["sql"]]


def test_a_known_etag_from_another_session_of_the_same_class_is_not_honoured_without_checks():
    quiz = make_quiz()
    etag = quiz.client.get(board_url(quiz), headers=HTMX)["ETag"]
    quiz.client.logout()
    assert quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code != 304
