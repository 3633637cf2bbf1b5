"""Cache-backed throttles for sign-ins and join-code guesses (the shared Django cache only).

Keys are per account, never a low per-address limit: a whole class behind one school address must not be
locked out because a few students mistyped the code.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ThrottleStatus:
    locked: bool
    retry_after_seconds: int = 0

    @property
    def retry_after_minutes(self) -> int:
        return max(1, -(-self.retry_after_seconds // 60))


def login_status(*, username: str) -> ThrottleStatus:
    raise NotImplementedError


def login_failed(*, username: str) -> ThrottleStatus:
    raise NotImplementedError


def login_succeeded(*, username: str) -> None:
    raise NotImplementedError


def join_status(*, user_id: int, client_ip: str) -> ThrottleStatus:
    raise NotImplementedError


def join_failed(*, user_id: int, client_ip: str) -> ThrottleStatus:
    raise NotImplementedError


def join_succeeded(*, user_id: int) -> None:
    raise NotImplementedError


def throttle_clear(*, username: str) -> None:
    raise NotImplementedError
