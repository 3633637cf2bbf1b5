"""The class board's version: a token on the classroom row that changes with anything that changes the board.

Views use it as the ETag of leaderboard pages (304 when unchanged) and in the cache key of rendered boards,
so a thousand polling projectors and dashboards cost one classroom read each, not a ranking query. It lives
on the row (not in the cache) so it moves in the same transaction as the finish that changed the board,
with no second write per change, and an unchanged poll reads it with the permission checks.
"""

import datetime as dt
import hashlib

from django.core.cache import cache
from django.utils import timezone


def board_version(*, classroom_id: int) -> str:
    from quizzes.models import Classroom  # here, so this module stays importable without app loading

    return Classroom.objects.filter(pk=classroom_id).values_list("board_version", flat=True).first() or ""


def board_version_bump(*, classroom_id: int) -> None:
    """Call inside the transaction that changes the board (or on its commit)."""
    from quizzes.models import Classroom, new_board_version

    Classroom.objects.filter(pk=classroom_id).update(board_version=new_board_version())
    poll_state_forget(classroom_id=classroom_id)


# What an unchanged poll checks (board size, version, whether any quiz shows a board), kept in the shared
# cache for a few seconds when that cache is Redis: a thousand open pages then cost one classroom read per
# class every few seconds, not one each (on PostgreSQL a read is a round trip plus the connection's health
# check). With the database cache the poll reads the classroom itself, which costs no more. A new version
# clears it at once; what the bump does not cover (a teacher hiding the board, changing its size) waits
# at most POLL_STATE_SECONDS, and meanwhile can only tell a page to keep the board it was already shown.
POLL_STATE_SECONDS = 5


def keeps_poll_state() -> bool:
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    return not isinstance(caches["default"], DatabaseCache)


def poll_state_key(classroom_id: int) -> str:
    return f"board-poll-state:{classroom_id}"


def poll_state_forget(*, classroom_id: int) -> None:
    if keeps_poll_state():
        cache.delete(poll_state_key(classroom_id))


def _student_classrooms_key(student_id: int) -> str:
    return f"student-classrooms:{student_id}"


def student_classrooms_forget(*, student_id: int) -> None:
    """Called on commit when the student joins or leaves a class."""
    cache.delete(_student_classrooms_key(student_id))


def dashboard_version(*, student_id: int, now: dt.datetime | None = None) -> str:
    """ETag material for a student's dashboard: their classes' board versions plus the current minute.

    Every write that changes a dashboard bumps its class's board version (finishing, closing, new
    assignments, overrides, joining); the minute covers quizzes opening or closing by the clock.
    Costs a cache read and one query, after the first call.
    """
    key = _student_classrooms_key(student_id)
    classroom_ids = cache.get(key)
    if classroom_ids is None:
        from quizzes.models import Enrollment  # here, so this module stays importable without app loading

        classroom_ids = sorted(
            Enrollment.objects.filter(student_id=student_id).values_list("classroom_id", flat=True)
        )
        cache.set(key, classroom_ids, timeout=60 * 60)
    from quizzes.models import Classroom

    rows = (
        Classroom.objects.filter(pk__in=classroom_ids).order_by("pk").values_list("board_version", flat=True)
    )
    versions = list(rows)
    minute = (now or timezone.now()).strftime("%Y%m%d%H%M")
    material = "|".join([str(student_id), minute, *versions])
    return hashlib.sha256(material.encode()).hexdigest()[:20]
