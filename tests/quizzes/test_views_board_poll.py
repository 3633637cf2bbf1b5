"""A student's open page polls the class board by HTMX: a fragment with an ETag, 304 while nothing changed."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
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


@pytest.fixture
def shared_cache(settings):
    """A cache that is not a database table (Redis in production): there the poll state is kept."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    yield
    cache.clear()


def test_a_hidden_board_set_behind_the_apps_back_stops_answering_within_seconds(shared_cache):
    # An update() that skips save() leaves the kept poll state: for up to POLL_STATE_SECONDS an open page
    # is told to keep the board it was already shown (a 304 carries nothing new), then it gets the 404.
    quiz = make_quiz()
    etag = quiz.client.get(board_url(quiz), headers=HTMX)["ETag"]
    assert quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code == 304
    Assignment.objects.filter(pk=quiz.assignment.pk).update(show_leaderboard=False)
    assert quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code == 304
    cache.delete(poll_state_key(quiz.assignment.classroom_id))  # what POLL_STATE_SECONDS passing does
    assert quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code == 404


def test_an_unchanged_poll_reads_the_kept_board_state_and_no_session_or_user(shared_cache):
    quiz = make_quiz()
    etag = quiz.client.get(board_url(quiz), headers=HTMX)["ETag"]
    first = quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag})
    assert first.status_code == 304  # reads the class's board state once, and keeps it a few seconds
    with CaptureQueriesContext(connection) as queries:
        response = quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag})
    assert response.status_code == 304
    assert len(queries) == 0  # no session, no user, no classroom: the tag was signed for this cookie


def test_with_the_database_cache_an_unchanged_poll_reads_the_classroom_once(settings):
    # Reading a kept state from the cache table would cost what reading the classroom does.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "passage_cache"}
    }
    call_command("createcachetable", verbosity=0)  # there already unless the tests run with REDIS_URL
    quiz = make_quiz()
    etag = quiz.client.get(board_url(quiz), headers=HTMX)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag})
    assert response.status_code == 304
    assert len(queries) == 1 and "quizzes_classroom" in queries.captured_queries[0]["sql"]


def test_a_known_etag_from_another_session_of_the_same_class_is_not_honoured_without_checks():
    quiz = make_quiz()
    etag = quiz.client.get(board_url(quiz), headers=HTMX)["ETag"]
    quiz.client.logout()
    assert quiz.client.get(board_url(quiz), headers={**HTMX, "If-None-Match": etag}).status_code != 304
