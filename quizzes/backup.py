"""Backing up and restoring the database, for `manage.py backup_db` / `restore_db` (README, Backup).

SQLite uses its online backup API through Django's own connection: a consistent copy even while students
are answering (WAL), and it works on any SQLite database Django can open. PostgreSQL uses `pg_dump -Fc` and
`pg_restore`, which must be installed on the machine running the command (package postgresql-client).
"""

import os
import shutil
import sqlite3
import subprocess  # nosec B404
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from quizzes.models import Attempt

ATTEMPT = Attempt._meta.db_table  # a table every migrated Passage database and backup has

SQLITE_SUFFIX = ".sqlite3"
POSTGRES_SUFFIX = ".dump"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says what to do."""


def default_backup_path() -> Path:
    suffix = SQLITE_SUFFIX if connection.vendor == "sqlite" else POSTGRES_SUFFIX
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / "backups" / f"passage-{stamp}{suffix}"


def backup_database(path: Path) -> Path:
    """Write a full copy of the default database to `path` (its folder is created)."""
    _check_has_passage_tables()
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        _sqlite_backup(path)
    elif connection.vendor == "postgresql":
        _run_pg_tool("pg_dump", "--format=custom", f"--file={path}")
    else:
        raise BackupError(f"No backup method for the {connection.vendor} database.")
    return path


def restore_database(path: Path) -> None:
    """Replace the default database's contents with the backup at `path`."""
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    if connection.vendor == "sqlite":
        _sqlite_restore(path)
    elif connection.vendor == "postgresql":
        _run_pg_tool("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(path))
    else:
        raise BackupError(f"No restore method for the {connection.vendor} database.")


def _check_has_passage_tables() -> None:
    """Refuse to "back up" a database Passage never migrated: the usual cause is a command run without the
    server's settings, which falls back to an empty SQLite file and would report a useless backup. (An
    SQLite file that is not there is not created by looking: connecting would make an empty one.)"""
    name = connection.settings_dict["NAME"]
    # (The tests' SQLite database is in memory, named by a URI.)
    on_disk = connection.vendor == "sqlite" and not str(name).startswith("file:") and name != ":memory:"
    missing = on_disk and not Path(str(name)).is_file()
    if missing or ATTEMPT not in connection.introspection.table_names():
        raise BackupError(
            f"The database {name} has no Passage tables: run backup_db with the server's settings "
            "(DATABASE_URL; README, Backup and restore)."
        )


def _sqlite_backup(path: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def _sqlite_restore(path: Path) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        _check_is_passage_backup(source, path)
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()


def _check_is_passage_backup(source: sqlite3.Connection, path: Path) -> None:
    try:
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not an SQLite database ({error}).") from error
    if "django_migrations" not in tables or ATTEMPT not in tables:
        raise BackupError(f"{path} is not a Passage backup: its tables are missing.")


def _run_pg_tool(tool: str, *args: str) -> None:
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(f"{tool} is not installed (apt-get install postgresql-client).")
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    target = [f"--host={db['HOST'] or 'localhost'}", f"--port={db['PORT'] or 5432}", f"--dbname={db['NAME']}"]
    if db.get("USER"):
        target.append(f"--username={db['USER']}")
    # A fixed argument list built from settings, never a shell.
    done = subprocess.run(  # noqa: S603 # nosec B603
        [executable, *target, *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip()}")
