"""The throttles with the production cache (DatabaseCache) as well as the test suite's local-memory cache.

With the database cache a count written inside a transaction that is then rolled back is lost; these tests
make sure a refused guess still counts, whichever cache the school runs.
"""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from quizzes import throttle
from quizzes.models import Enrollment
from quizzes.services import classroom_join, messages
from tests.factories import ClassroomFactory, UserFactory

pytestmark = pytest.mark.django_db

SCHOOL_IP = "203.0.113.7"


def test_the_fixture_really_uses_the_requested_backend(cache_backend):
    from django.core.cache import caches

    backend = type(caches["default"]).__name__
    expected = {"database": "DatabaseCache", "locmem": "LocMemCache", "redis": "PassageRedisCache"}
    assert backend == expected[cache_backend]


def _guess(student, code, ip=SCHOOL_IP):
    return classroom_join(student=student, join_code=code, display_name="Ana", client_ip=ip)


def test_wrong_join_codes_lock_the_account(cache_backend):
    ClassroomFactory(join_code="ABCD234")
    student = UserFactory()
    for _ in range(throttle.JOIN_MAX_FAILURES - 1):
        with pytest.raises(ValidationError) as refused:
            _guess(student, "WRONG99")
        assert refused.value.messages == [messages.JOIN_CODE_UNKNOWN]
    with pytest.raises(ValidationError) as refused:
        _guess(student, "WRONG99")
    assert refused.value.messages == [
        messages.JOIN_TOO_MANY_GUESSES.format(minutes=throttle.JOIN_COOL_OFF_SECONDS // 60)
    ]
    with pytest.raises(ValidationError):  # the locked account waits even with the right code
        _guess(student, "ABCD234")
    assert not Enrollment.objects.filter(student=student).exists()


def test_join_page_slows_a_guessing_account(cache_backend):
    student = UserFactory()
    client = Client()
    client.force_login(student)
    for _ in range(throttle.JOIN_MAX_FAILURES):
        last = client.post("/join/", {"join_code": "NOPE000", "display_name": "Bo"})
    assert "Too many wrong class codes" in last.content.decode()


def test_a_new_account_behind_a_sweeping_address_still_joins_with_the_right_code(cache_backend):
    classroom = ClassroomFactory(join_code="ABCD234")
    for user_id in range(throttle.JOIN_IP_CEILING):
        throttle.join_failed(user_id=100_000 + user_id, client_ip=SCHOOL_IP)
    newcomer = UserFactory()
    assert _guess(newcomer, "abcd234").classroom == classroom


def test_failed_sign_ins_lock_the_account(cache_backend):
    student = UserFactory()
    client = Client()
    for _ in range(throttle.LOGIN_MAX_FAILURES):
        client.post("/login/", {"username": student.username, "password": "wrong"})
    locked = client.post("/login/", {"username": student.username, "password": "pw"})
    assert "Too many failed sign-ins for this account" in locked.content.decode()
    assert "_auth_user_id" not in client.session
