"""The admin sign-in is throttled with the same per-account counters as the student sign-in."""

import pytest
from django.test import Client

from quizzes import throttle
from tests.factories import UserFactory
from tests.quizzes.teacher_helpers import make_teacher

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/?next=/admin/"
WAIT_MESSAGE = "Too many failed sign-ins for this account. Please wait"


def _admin_sign_in(client, username, password):
    return client.post(ADMIN_LOGIN, {"username": username, "password": password, "next": "/admin/"})


def test_twenty_wrong_admin_passwords_then_the_right_one_is_refused(cache_backend):
    teacher = make_teacher(username="ms.khan")
    client = Client()
    for _ in range(20):
        _admin_sign_in(client, teacher.username, "guess")
    refused = _admin_sign_in(client, teacher.username, "pw")
    assert refused.status_code == 200
    assert WAIT_MESSAGE in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the sign-in page


def test_student_and_admin_sign_in_share_one_count(cache_backend):
    teacher = make_teacher(username="mr.ode")
    client = Client()
    for _ in range(throttle.LOGIN_MAX_FAILURES):  # guessed on the student sign-in page...
        client.post("/login/", {"username": teacher.username, "password": "guess"})
    refused = _admin_sign_in(client, teacher.username, "pw")  # ...the admin door is shut too
    assert WAIT_MESSAGE in refused.content.decode()


def test_lifting_the_lock_lets_the_teacher_in(cache_backend):
    teacher = make_teacher(username="ms.lee")
    client = Client()
    for _ in range(throttle.LOGIN_MAX_FAILURES):
        _admin_sign_in(client, teacher.username, "guess")
    assert WAIT_MESSAGE in _admin_sign_in(client, teacher.username, "pw").content.decode()
    throttle.throttle_clear(username=teacher.username)
    signed_in = _admin_sign_in(client, teacher.username, "pw")
    assert signed_in.status_code == 302 and signed_in["Location"] == "/admin/"


def test_a_student_at_the_admin_door_is_turned_away_without_locking_their_account(cache_backend):
    student = UserFactory()
    client = Client()
    for _ in range(throttle.LOGIN_MAX_FAILURES + 1):
        page = _admin_sign_in(client, student.username, "pw")
        assert "staff account" in page.content.decode()
    assert not throttle.login_status(username=student.username).locked
    assert client.post("/login/", {"username": student.username, "password": "pw"}).status_code == 302
