"""The class board poll's fast path: an unchanged board answered 304 without loading the session or the user.

A thousand open pages poll the class board every 10 s, so an unchanged poll should cost about what the bare
view costs. The ETag handed out by the full (permission-checked) view is signed for the session cookie that
asked, the class and its board version. A poll that presents it back with the same cookie gets a 304 after
reading the classroom's version and whether it still shows a board (kept in Redis, which a new version
clears: quizzes/board_cache.py, POLL_STATE_SECONDS). What may change who can see the
board also moves the version (joining, leaving), so a stale permission can only ever be told "unchanged"
about a board it was allowed to see; anything else takes the full view (sign-in and enrolment checks, 404).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.crypto import constant_time_compare, salted_hmac

from quizzes.board_cache import POLL_STATE_SECONDS, keeps_poll_state, poll_state_key
from quizzes.models import Assignment, Classroom, Enrollment
from quizzes.selectors import rows

SALT = "passage.class-board-poll"
ASSIGNMENT = Assignment._meta.db_table
CLASSROOM = Classroom._meta.db_table
ENROLLMENT = Enrollment._meta.db_table
# Whether class `c` shows a board at all: one of the permission facts both reads below return.
SHOWS_BOARD = f"EXISTS (SELECT 1 FROM {ASSIGNMENT} a WHERE a.classroom_id = c.id AND a.show_leaderboard)"  # noqa: S608  # nosec B608


def poll_etag(request: HttpRequest, classroom_id: int, board_size: int, version: str) -> str:
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    signature = salted_hmac(SALT, f"{session_key}|{classroom_id}|{board_size}|{version}").hexdigest()[:20]
    return f'"class-{classroom_id}-{board_size}-{version}-{signature}"'


def poll_headers(response, etag: str):
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True, private=True)
    # The tag depends on the session cookie, which the fast path reads without touching the session.
    patch_vary_headers(response, ["HX-Request", "Cookie"])
    return response


def _board_state_kept(classroom_id) -> tuple[int, str, bool] | None:
    """_board_state from the shared cache (quizzes/board_cache.py says for how long and why). Not where
    the cache is a database table: reading it costs what reading the classroom does. (Full runs with and
    without this on SQLite printed 0.74 and 0.72 of the bare view, within the host's noise: bench/LOAD.md.)"""
    if not keeps_poll_state():
        return _board_state(classroom_id)
    key = poll_state_key(int(classroom_id))
    row = cache.get(key)
    if row is None:
        row = _board_state(classroom_id)
        if row is not None:
            cache.set(key, row, POLL_STATE_SECONDS)
    return row


def _board_state(classroom_id) -> tuple[int, str, bool] | None:
    """(board size, board version, shows a board?) in one plain statement: this runs on every poll."""
    # Table names are our models' own; the id is a parameter.
    sql = f"SELECT c.board_size, c.board_version, {SHOWS_BOARD} FROM {CLASSROOM} c WHERE c.id = %s"  # noqa: S608  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, [int(classroom_id)])
        row = cursor.fetchone()
    return None if row is None else (row[0], row[1], bool(row[2]))


def unchanged_poll(request: HttpRequest, classroom_id: int, known: set[str]):
    """A 304 when `known` holds this session's tag for the current board, else None (take the full view)."""
    if not known or not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return None
    row = _board_state_kept(classroom_id)
    if row is None or not row[2]:
        return None
    etag = poll_etag(request, classroom_id, row[0], row[1])
    if not any(constant_time_compare(etag, tag) for tag in known):
        return None
    return poll_headers(HttpResponseNotModified(), etag)


def classroom_for_board(classroom_id: int, user_id: int | None) -> Classroom | None:
    """The class with `is_enrolled` (the user is in it) and `shows_board` (an assignment shows a board) set,
    in one plain statement: the first poll of every open page runs this (a thousand in the first ten
    seconds), and building the same query through the ORM cost more than running it."""
    # Table and column names are our models' own; the ids are parameters.
    sql = (
        f"SELECT {rows.columns(Classroom, 'c')}, "  # noqa: S608  # nosec B608
        f"EXISTS (SELECT 1 FROM {ENROLLMENT} e WHERE e.classroom_id = c.id AND e.student_id = %s), "
        f"{SHOWS_BOARD} FROM {CLASSROOM} c WHERE c.id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id, int(classroom_id)])
        row = cursor.fetchone()
    if row is None:
        return None
    classroom = rows.instance(Classroom, row)
    classroom.is_enrolled, classroom.shows_board = bool(row[-2]), bool(row[-1])
    return classroom
