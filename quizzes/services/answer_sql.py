"""The locked part of saving an answer, as plain SQL statements.

Everything that can be worked out before the write lock is (the question, the grading, the row to insert),
so what runs while the lock is held is only a few short statements: no query building, model machinery or
template work holds up the other writers (on SQLite one writer at a time for the whole database; on
PostgreSQL one per attempt row). The ORM versions are in git history; behaviour is the same.
"""

from django.db import connection

from quizzes.models import Attempt, Response

ATTEMPT = Attempt._meta.db_table
RESPONSE = Response._meta.db_table


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
    values = [
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
