"""The database triggers that change `ContentVersion.token` on every write to quiz content (and articles).

Installed after every `migrate` (and `flush`) by the post_migrate handler in quizzes/apps.py, idempotently,
rather than once by a migration: SQLite rebuilds a table for most schema changes (a new table is copied
in and renamed) and a rebuilt table has no triggers, so a later migration of questions or choices would
silently leave every web process serving the questions it had kept (selectors/quiz_items.py). The
singleton row is recreated the same way after a `flush`.

PostgreSQL: row triggers deferred to commit, so a transaction takes the token row's lock only as it commits;
an immediate trigger held it from its first content write, and two teachers' edits could deadlock.
"""

import secrets

from django.db.backends.base.base import BaseDatabaseWrapper

# Articles too: the quiz page keeps each article's rendered text under the token (views/article_view.py).
TABLES = ("articles_article", "quizzes_question", "quizzes_choice", "quizzes_assignmentquestion")
VERSION_TABLE = "quizzes_contentversion"
SINGLETON_ID = 1

# Plain text, not built: only this module's constants go into these statements, never any input.
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION quizzes_content_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE quizzes_contentversion SET token = md5(random()::text || clock_timestamp()::text) WHERE id = 1;
    RETURN NULL;
END $$;
"""
SQLITE_RANDOM_VERSION = "lower(hex(randomblob(16)))"
SQLITE_OPERATIONS = ("INSERT", "UPDATE", "DELETE")


def trigger_names(vendor: str) -> set[str]:
    """The triggers `install` makes on this kind of database (empty: none, the in-memory copy stays off)."""
    if vendor == "sqlite":
        return {_sqlite_name(table, op) for table in TABLES for op in SQLITE_OPERATIONS}
    if vendor == "postgresql":
        return {name for table in TABLES for name in (_pg_name(table), _pg_truncate_name(table))}
    return set()


def _sqlite_name(table: str, op: str) -> str:
    return f"{table}_content_{op.lower()}"


def _pg_name(table: str) -> str:
    return f"{table}_content"


def _pg_truncate_name(table: str) -> str:
    return f"{table}_content_truncate"


def install(connection: BaseDatabaseWrapper) -> None:
    """Make the singleton row and every trigger that is missing, and a fresh token; safe to run any number of
    times."""
    if connection.vendor not in ("sqlite", "postgresql"):
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {VERSION_TABLE} WHERE id = %s", [SINGLETON_ID])  # noqa: S608  # nosec B608
        if cursor.fetchone() is None:
            cursor.execute(
                f"INSERT INTO {VERSION_TABLE} (id, token) VALUES (%s, %s)",  # noqa: S608  # nosec B608
                [SINGLETON_ID, secrets.token_hex(16)],
            )
        for statement in _statements(connection.vendor):
            cursor.execute(statement)
        # A write made while a trigger was missing (a table a migration rebuilt) moved no token: start afresh,
        # so nothing any process kept under the old token is used again.
        cursor.execute(
            f"UPDATE {VERSION_TABLE} SET token = %s WHERE id = %s",  # noqa: S608  # nosec B608
            [secrets.token_hex(16), SINGLETON_ID],
        )


def _statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER IF NOT EXISTS {_sqlite_name(table, op)} AFTER {op} ON {table} BEGIN "  # noqa: S608
            f"UPDATE {VERSION_TABLE} SET token = {SQLITE_RANDOM_VERSION} WHERE id = 1; END"  # nosec B608
            for table in TABLES
            for op in SQLITE_OPERATIONS
        ]
    statements = [PG_FUNCTION]
    for table in TABLES:
        row, truncate = _pg_name(table), _pg_truncate_name(table)
        statements += [
            f"DROP TRIGGER IF EXISTS {row} ON {table}",
            f"CREATE CONSTRAINT TRIGGER {row} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION quizzes_content_version_bump()",
            f"DROP TRIGGER IF EXISTS {truncate} ON {table}",
            f"CREATE TRIGGER {truncate} AFTER TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION quizzes_content_version_bump()",
        ]
    return statements
