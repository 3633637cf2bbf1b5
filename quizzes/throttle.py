"""Cache-backed throttles for sign-ins and join-code guesses (the shared Django cache only).

Wrong guesses are counted per account: after MAX_FAILURES in a window the account cools off for a few
minutes. The student sign-in and the admin sign-in share these counters. Join codes also have a
per-address ceiling, but a generous one (JOIN_IP_CEILING), and it only slows wrong guesses: a whole class
behind one school address, each student mistyping the code once or twice, is never locked out, and a right
code always joins unless that account itself is locked. A teacher lifts a lock with `throttle_clear`.

Callers must count a failure outside any transaction they roll back: with the database cache the count is
a row in that transaction (see services.classrooms.classroom_join).
"""

import hashlib
import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache

LOGIN_MAX_FAILURES = 5
LOGIN_WINDOW_SECONDS = 15 * 60
LOGIN_COOL_OFF_SECONDS = 5 * 60

JOIN_MAX_FAILURES = 5
JOIN_WINDOW_SECONDS = 10 * 60
JOIN_COOL_OFF_SECONDS = 2 * 60
# Per address: enough for several classes sharing one school address; stops only a scripted sweep of codes.
JOIN_IP_CEILING = 300


@dataclass(frozen=True)
class ThrottleStatus:
    locked: bool
    retry_after_seconds: int = 0

    @property
    def retry_after_minutes(self) -> int:
        return max(1, -(-self.retry_after_seconds // 60))


OPEN = ThrottleStatus(locked=False)


def _key(*parts: object) -> str:
    # Hashed so any username or address makes a valid key for every cache backend.
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f"throttle:{parts[0]}:{digest}"


def _status(lock_key: str) -> ThrottleStatus:
    unlock_at = cache.get(lock_key)
    remaining = int((unlock_at or 0) - time.time())
    return ThrottleStatus(locked=True, retry_after_seconds=remaining) if remaining > 0 else OPEN


def _count_failure(
    *, count_key: str, lock_key: str, limit: int, window: int, cool_off: int
) -> ThrottleStatus:
    cache.add(count_key, 0, timeout=window)
    try:
        failures = cache.incr(count_key)
    except ValueError:  # expired between add and incr
        cache.set(count_key, 1, timeout=window)
        failures = 1
    if failures >= limit:
        cache.set(lock_key, time.time() + cool_off, timeout=cool_off)
        cache.delete(count_key)  # after the cool-off the account gets a fresh set of tries
    return _status(lock_key)


def _username(username: str) -> str:
    return username.strip().casefold()


def login_status(*, username: str) -> ThrottleStatus:
    return _status(_key("login-lock", _username(username)))


def login_failed(*, username: str) -> ThrottleStatus:
    name = _username(username)
    return _count_failure(
        count_key=_key("login-fail", name),
        lock_key=_key("login-lock", name),
        limit=LOGIN_MAX_FAILURES,
        window=LOGIN_WINDOW_SECONDS,
        cool_off=LOGIN_COOL_OFF_SECONDS,
    )


def login_succeeded(*, username: str) -> None:
    cache.delete(_key("login-fail", _username(username)))


def join_status(*, user_id: int) -> ThrottleStatus:
    """The account's own lock: while it lasts even the right code waits. The address never refuses a code."""
    return _status(_key("join-lock", user_id))


def join_failed(*, user_id: int, client_ip: str) -> ThrottleStatus:
    """Count a wrong code against the account and the address.

    Past the address ceiling a wrong guess from that address cools its account off at once, so a sweep
    across many accounts is slowed; a right code from any account that is not itself locked still joins.
    """
    address_locked = False
    if client_ip:
        address_locked = _count_failure(
            count_key=_key("join-ip-fail", client_ip),
            lock_key=_key("join-ip-lock", client_ip),
            limit=JOIN_IP_CEILING,
            window=JOIN_WINDOW_SECONDS,
            cool_off=JOIN_COOL_OFF_SECONDS,
        ).locked
    return _count_failure(
        count_key=_key("join-fail", user_id),
        lock_key=_key("join-lock", user_id),
        limit=1 if address_locked else JOIN_MAX_FAILURES,
        window=JOIN_WINDOW_SECONDS,
        cool_off=JOIN_COOL_OFF_SECONDS,
    )


def join_succeeded(*, user_id: int) -> None:
    cache.delete(_key("join-fail", user_id))


def throttle_clear(*, username: str) -> None:
    """Lift a student's sign-in and join-code locks (a teacher's action)."""
    name = _username(username)
    cache.delete_many([_key("login-fail", name), _key("login-lock", name)])
    user = get_user_model().objects.filter(username__iexact=username.strip()).only("pk").first()
    if user is not None:
        cache.delete_many([_key("join-fail", user.pk), _key("join-lock", user.pk)])
