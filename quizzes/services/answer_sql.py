"""The statements every start, answer and finish runs, as plain SQL.

Everything that can be worked out before the write lock is (the question, the grading, the row to insert),
so what runs while the lock is held is only a few short statements: no query building, model machinery or
template work holds up the other writers (on SQLite one writer at a time for the whole database; on
PostgreSQL one per attempt row). Starting reads everything it checks in one statement (resuming then
reads the open attempt). Building these through the ORM cost more than running them
(bench/request_cost.py); the ORM versions are in git history and behaviour is the same.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection

from quizzes.models import AssignmentQuestion, Attempt, Enrollment, Response, StudentOverride
from quizzes.selectors import rows

ATTEMPT = Attempt._meta.db_table
RESPONSE = Response._meta.db_table
ENROLLMENT = Enrollment._meta.db_table
OVERRIDE = StudentOverride._meta.db_table
ITEM = AssignmentQuestion._meta.db_table


@dataclass(frozen=True)
class StartFacts:
    """What starting an attempt checks, read together (see services.attempts.attempt_start)."""

    enrolled: bool
    personal_closes_at: dt.datetime | None
    extra_attempts: int
    open_attempt_id: int | None
    attempts_used: int  # the highest attempt number so far (0 for none)
    max_score: int


def start_facts(*, assignment_id: int, classroom_id: int, student_id: int) -> StartFacts:
    mine = "t.assignment_id = %s AND t.student_id = %s"
    override = f"FROM {OVERRIDE} o WHERE o.assignment_id = %s AND o.student_id = %s"
    sql = (
        f"SELECT EXISTS (SELECT 1 FROM {ENROLLMENT} e WHERE e.classroom_id = %s AND e.student_id = %s), "  # noqa: S608  # nosec B608
        f"(SELECT o.closes_at {override}), (SELECT o.extra_attempts {override}), "
        f"(SELECT MAX(t.id) FROM {ATTEMPT} t WHERE {mine} AND t.finished_at IS NULL), "
        f"(SELECT MAX(t.number) FROM {ATTEMPT} t WHERE {mine}), "
        f"(SELECT SUM(i.points) FROM {ITEM} i WHERE i.assignment_id = %s)"
    )
    pair = [assignment_id, student_id]
    with connection.cursor() as cursor:
        cursor.execute(sql, [classroom_id, student_id, *pair, *pair, *pair, *pair, assignment_id])
        enrolled, closes_at, extra, open_id, used, points = cursor.fetchone()
    return StartFacts(
        enrolled=bool(enrolled),
        personal_closes_at=rows.converted(StudentOverride._meta.get_field("closes_at"), closes_at),
        extra_attempts=extra or 0,
        open_attempt_id=open_id,
        attempts_used=used or 0,
        max_score=points or 0,
    )


def lock_attempt(attempt_id: int) -> tuple[int | None, bool, int] | None:
    """Lock the attempt row (FOR UPDATE where the database has it; SQLite's BEGIN IMMEDIATE already holds
    the write lock) and read (student id, finished?, score) as they are now; None if it is gone."""
    sql = f"SELECT student_id, finished_at, score FROM {ATTEMPT} WHERE id = %s"  # noqa: S608 - our table  # nosec B608
    if connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    with connection.cursor() as cursor:
        cursor.execute(sql, [attempt_id])
        row = cursor.fetchone()
    return None if row is None else (row[0], row[1] is not None, row[2])


def is_answered(attempt_id: int, question_id: int) -> bool:
    # Its own statement after the lock: on PostgreSQL a subquery in the locking SELECT would read the
    # snapshot from before the wait, and miss the answer the other request just committed.
    sql = f"SELECT 1 FROM {RESPONSE} WHERE attempt_id = %s AND question_id = %s LIMIT 1"  # noqa: S608  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, [attempt_id, question_id])
        return cursor.fetchone() is not None


def insert_response(response: Response) -> bool:
    """Insert the prepared (unsaved) response and give it its id; False (nothing written) when the attempt
    already has an answer to that question. One statement for both: the unique constraint decides, so no
    separate "already answered?" read is needed on the usual path."""
    answered_at = connection.ops.adapt_datetimefield_value(response.answered_at)
    sql = (
        f"INSERT INTO {RESPONSE} "  # noqa: S608 - our table, values as parameters  # nosec B608
        "(attempt_id, question_id, given_answer, choice_id, is_correct, points, answered_at) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (attempt_id, question_id) DO NOTHING RETURNING id"
    )
    values: list[Any] = [
        response.attempt_id,
        response.question_id,
        response.given_answer,
        response.choice_id,
        response.is_correct,
        response.points,
        answered_at,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is None:
        return False
    response.pk = row[0]
    response._state.adding = False
    response._state.db = connection.alias
    return True


def add_points(attempt_id: int, points: int) -> None:
    sql = f"UPDATE {ATTEMPT} SET score = score + %s WHERE id = %s"  # noqa: S608 - our table  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, [points, attempt_id])
