"""Throttles: wrong guesses cool off per account; a class behind one school address is never locked out."""

import time

import pytest
from django.core.exceptions import ValidationError

from quizzes import throttle
from quizzes.models import Enrollment
from quizzes.services import classroom_join, messages
from tests.factories import ClassroomFactory, UserFactory

SCHOOL_IP = "203.0.113.7"


@pytest.fixture
def clock(monkeypatch):
    """Moves time.time() forward, which both the throttle and the local-memory cache's expiry read."""
    offset = {"seconds": 0.0}
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + offset["seconds"])
    return lambda seconds: offset.__setitem__("seconds", offset["seconds"] + seconds)


def test_login_locks_after_repeated_failures_and_cools_off(clock):
    for _ in range(throttle.LOGIN_MAX_FAILURES - 1):
        assert not throttle.login_failed(username="student1").locked
    status = throttle.login_failed(username="Student1 ")
    assert status.locked and status.retry_after_minutes == throttle.LOGIN_COOL_OFF_SECONDS // 60
    assert throttle.login_status(username="student1").locked
    assert not throttle.login_status(username="student2").locked
    clock(throttle.LOGIN_COOL_OFF_SECONDS + 1)
    assert not throttle.login_status(username="student1").locked


def test_successful_login_resets_the_count():
    for _ in range(throttle.LOGIN_MAX_FAILURES - 1):
        throttle.login_failed(username="student1")
    throttle.login_succeeded(username="student1")
    assert not throttle.login_failed(username="student1").locked


@pytest.mark.django_db
def test_teacher_can_lift_a_lock():
    student = UserFactory(username="amina")
    for _ in range(throttle.LOGIN_MAX_FAILURES):
        throttle.login_failed(username="amina")
    for _ in range(throttle.JOIN_MAX_FAILURES):
        throttle.join_failed(user_id=student.pk, client_ip=SCHOOL_IP)
    assert throttle.login_status(username="amina").locked
    throttle.throttle_clear(username="amina")
    assert not throttle.login_status(username="amina").locked
    assert not throttle.join_status(user_id=student.pk).locked


@pytest.mark.django_db
def test_wrong_join_codes_lock_the_account_with_a_wait_message(clock):
    classroom = ClassroomFactory(join_code="ABCD234")
    student = UserFactory()
    for _ in range(throttle.JOIN_MAX_FAILURES - 1):
        with pytest.raises(ValidationError) as excinfo:
            classroom_join(student=student, join_code="WRONG99", display_name="Ana", client_ip=SCHOOL_IP)
        assert excinfo.value.messages == [messages.JOIN_CODE_UNKNOWN]
    with pytest.raises(ValidationError) as excinfo:
        classroom_join(student=student, join_code="WRONG99", display_name="Ana", client_ip=SCHOOL_IP)
    locked_message = messages.JOIN_TOO_MANY_GUESSES.format(minutes=throttle.JOIN_COOL_OFF_SECONDS // 60)
    assert excinfo.value.messages == [locked_message]
    # Even the right code is refused until the cool-off ends...
    with pytest.raises(ValidationError):
        classroom_join(student=student, join_code="ABCD234", display_name="Ana", client_ip=SCHOOL_IP)
    clock(throttle.JOIN_COOL_OFF_SECONDS + 1)
    enrollment = classroom_join(
        student=student, join_code="abcd 234", display_name="Ana", client_ip=SCHOOL_IP
    )
    assert enrollment.classroom == classroom


@pytest.mark.django_db
def test_a_whole_class_behind_one_address_is_never_locked_out():
    classroom = ClassroomFactory(join_code="ABCD234")
    students = UserFactory.create_batch(40)
    for student in students:  # every student mistypes the code once, from the same school address
        with pytest.raises(ValidationError):
            classroom_join(student=student, join_code="ABCD23A", display_name="Pupil", client_ip=SCHOOL_IP)
    for student in students:
        classroom_join(student=student, join_code="ABCD234", display_name="Pupil", client_ip=SCHOOL_IP)
    assert Enrollment.objects.filter(classroom=classroom).count() == 40


def test_an_address_sweeping_codes_is_slowed_one_guess_per_account():
    for user_id in range(throttle.JOIN_IP_CEILING):
        throttle.join_failed(user_id=user_id, client_ip="198.51.100.9")
    # Past the ceiling, one wrong guess from that address cools a fresh account off at once...
    assert throttle.join_failed(user_id=10_000, client_ip="198.51.100.9").locked
    # ...while another address keeps the usual allowance.
    assert not throttle.join_failed(user_id=10_001, client_ip=SCHOOL_IP).locked


@pytest.mark.django_db
def test_the_address_ceiling_never_refuses_a_right_code():
    classroom = ClassroomFactory(join_code="ABCD234")
    for user_id in range(throttle.JOIN_IP_CEILING + 10):
        throttle.join_failed(user_id=100_000 + user_id, client_ip=SCHOOL_IP)
    newcomer = UserFactory()
    with pytest.raises(ValidationError) as refused:
        classroom_join(student=newcomer, join_code="ABCD23A", display_name="Ana", client_ip=SCHOOL_IP)
    assert refused.value.messages == [
        messages.JOIN_TOO_MANY_GUESSES.format(minutes=throttle.JOIN_COOL_OFF_SECONDS // 60)
    ]
    latecomer = UserFactory()
    enrollment = classroom_join(
        student=latecomer, join_code="ABCD234", display_name="Bo", client_ip=SCHOOL_IP
    )
    assert enrollment.classroom == classroom
