"""An id too large for a 64-bit integer column is a page that does not exist (404), never a server error.

SQLite's driver raised OverflowError for an id of 2**63 or more (raw SQL and ORM lookups alike), so a
mistyped or probing URL gave a 500. The `<id:…>` converter refuses such ids before any view runs, on every
database.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from config.converters import IdConverter
from tests.quizzes.teacher_helpers import make_teacher
from tests.quizzes.view_helpers import make_quiz, start

TOO_BIG = 2**63
LARGEST = 10**18 - 1  # eighteen digits: still an id the converter lets through

STUDENT_URLS = [
    ("get", "/attempt/{n}/"),
    ("get", "/attempt/{n}/question/{n}/"),
    ("post", "/attempt/{n}/question/{n}/answer/"),
    ("post", "/attempt/{n}/finish/"),
    ("get", "/attempt/{n}/results/"),
    ("post", "/assignment/{n}/start/"),
    ("get", "/assignment/{n}/results/"),
    ("get", "/assignment/{n}/board/"),
    ("get", "/classroom/{n}/board/"),
]
TEACHER_URLS = [
    ("get", "/classroom/{n}/projector/"),
    ("get", "/teach/assignments/{n}/report/"),
    ("get", "/teach/assignments/{n}/report.csv"),
    ("get", "/teach/assignments/{n}/preview/"),
    ("post", "/teach/assignments/{n}/preview/{n}/answer/"),
    ("get", "/articles/{n}/"),
    ("post", "/articles/{n}/generate/"),
    ("post", "/articles/{n}/restore/{n}/"),
]
ADMIN_URLS = [
    "/admin/quizzes/classroom/{n}/students/",
    "/admin/quizzes/classroom/{n}/projector/",
    "/admin/quizzes/classroom/{n}/change/",
]


def _status(client: Client, method: str, url: str, n: int) -> int:
    client.raise_request_exception = False
    return getattr(client, method)(url.format(n=n), {"answer": "Mosul"}).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("method,url", STUDENT_URLS)
def test_student_url_with_overlong_id_is_not_found(method, url):
    quiz = make_quiz()
    start(quiz)  # an attempt in progress: the id is looked up for a real, signed-in student
    assert _status(quiz.client, method, url, TOO_BIG) == 404


@pytest.mark.django_db
@pytest.mark.parametrize("method,url", STUDENT_URLS)
def test_student_url_with_largest_accepted_id_is_not_found(method, url):
    quiz = make_quiz()
    assert _status(quiz.client, method, url, LARGEST) == 404


@pytest.mark.django_db
@pytest.mark.parametrize("method,url", TEACHER_URLS)
def test_teacher_url_with_overlong_id_is_not_found(client, method, url):
    client.force_login(make_teacher())
    assert _status(client, method, url, TOO_BIG) == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_admin_url_with_overlong_id_says_the_class_does_not_exist(client, url):
    """The admin's own way with a missing object: back to the admin index, with a message."""
    client.force_login(make_teacher())
    client.raise_request_exception = False
    response = client.get(url.format(n=TOO_BIG), follow=True)
    assert response.status_code == 200
    assert "doesn’t exist" in response.content.decode()


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), getattr(pattern.pattern, "converters", {})


def test_no_url_takes_an_unbounded_integer():
    """A new page written with `<int:…>` would bring the 500 back: every integer in a route is `<id:…>`."""
    routes = list(_routes(get_resolver().url_patterns))
    unbounded = [
        route for route, converters in routes if any(isinstance(c, IntConverter) for c in converters.values())
    ]
    assert unbounded == []
    assert any(isinstance(c, IdConverter) for _, converters in routes for c in converters.values())
