"""Pages cost the same number of queries whatever the class size, quiz length or number of attempts.

The selectors are checked in test_query_counts.py; this checks the whole request (session, user, template,
caches cleared) for the pages a class hits at once: dashboard, quiz page, class and quiz leaderboards,
the projector, and the teacher's report.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from quizzes.services import board_token_rotate
from tests.quizzes.test_query_counts import LARGE, SMALL, build_class

pytestmark = pytest.mark.django_db

PAGES = {
    "dashboard": lambda a, s, t: (s, "/"),
    "quiz page": lambda a, s, t: (s, f"/attempt/{t.pk}/"),
    "class leaderboard": lambda a, s, t: (s, f"/classroom/{a.classroom_id}/board/"),
    "quiz leaderboard": lambda a, s, t: (s, f"/assignment/{a.pk}/board/"),
    "projector": lambda a, s, t: (None, f"/board/{board_token_rotate(classroom=a.classroom)}/"),
    "teacher report": lambda a, s, t: (a.classroom.teacher, f"/teach/assignments/{a.pk}/report/"),
}


def page_queries(page, size) -> int:
    assignment, student, attempt = build_class(**size)
    user, url = PAGES[page](assignment, student, attempt)
    client = Client()
    if user is not None:
        client.force_login(user)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (page, url, response.status_code)
    return len(captured)


@pytest.mark.parametrize("page", PAGES)
def test_page_query_count_does_not_grow_with_class_questions_or_attempts(page):
    assert page_queries(page, SMALL) == page_queries(page, LARGE)
