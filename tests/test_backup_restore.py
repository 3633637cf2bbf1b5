"""A backup made by `backup_db` brings every attempt back through `restore_db` (SQLite and PostgreSQL)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from quizzes.models import Attempt, Response
from tests.factories import AttemptFactory, ResponseFactory

ROOT = Path(__file__).resolve().parent.parent


def make_scored_attempts() -> dict[int, tuple[int, int]]:
    attempts = AttemptFactory.create_batch(3, score=1, max_score=2)
    for attempt in attempts:
        ResponseFactory(attempt=attempt, question__article=attempt.assignment.article, is_correct=True)
    return {a.pk: (a.score, Response.objects.filter(attempt=a).count()) for a in attempts}


def attempts_now() -> dict[int, tuple[int, int]]:
    return {a.pk: (a.score, a.responses.count()) for a in Attempt.objects.all()}


@pytest.mark.django_db(transaction=True)
def test_restore_brings_back_every_attempt_and_response(tmp_path):
    before = make_scored_attempts()
    backup = tmp_path / "passage-backup"
    call_command("backup_db", output=backup)
    Response.objects.all().delete()
    Attempt.objects.all().delete()
    assert attempts_now() == {}

    call_command("restore_db", backup, yes=True)

    assert attempts_now() == before


@pytest.mark.django_db(transaction=True)
def test_restore_without_yes_refuses_and_changes_nothing(tmp_path):
    before = make_scored_attempts()
    backup = tmp_path / "passage-backup"
    call_command("backup_db", output=backup)
    Attempt.objects.all().delete()

    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_db", backup)

    assert attempts_now() == {} != before


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    before = make_scored_attempts()
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database")

    with pytest.raises(CommandError):
        call_command("restore_db", bogus, yes=True)
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore_db", tmp_path / "missing.sqlite3", yes=True)

    assert attempts_now() == before


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 - our interpreter and manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


COUNT = (
    "from quizzes.models import Attempt; "
    "print(f'count={Attempt.objects.filter(finished_at__isnull=False).count()}')"
)


def test_file_database_round_trip_through_the_commands(tmp_path):
    """The way a school server does it: a WAL-mode SQLite file and separate processes."""
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    create = "from django.utils import timezone; from tests.factories import AttemptFactory; "
    manage(env, "shell", "-c", create + "AttemptFactory.create_batch(4, finished_at=timezone.now())")
    backup = tmp_path / "backups" / "nightly.sqlite3"
    assert "Backup written" in manage(env, "backup_db", "--output", str(backup))
    manage(env, "shell", "-c", "from quizzes.models import Attempt; Attempt.objects.all().delete()")
    assert "count=0" in manage(env, "shell", "-c", COUNT)

    manage(env, "restore_db", str(backup), "--yes")

    assert "count=4" in manage(env, "shell", "-c", COUNT)


@pytest.mark.parametrize("where", ["unset.sqlite3", "no-such-folder/unset.sqlite3"])
def test_backup_refuses_a_database_passage_never_migrated(tmp_path, where):
    """Without the server's settings backup_db opens an empty SQLite file: it must say so, not copy it, and
    leave no empty database behind (nor die with a traceback where the folder is missing)."""
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / where}"
    backup = tmp_path / "backups" / "nightly.sqlite3"
    done = subprocess.run(  # noqa: S603 - our interpreter and manage.py with fixed arguments
        [sys.executable, "manage.py", "backup_db", "--output", str(backup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert "has no Passage tables" in done.stderr and "Traceback" not in done.stderr
    assert not backup.exists()
    assert not (tmp_path / where).exists()
