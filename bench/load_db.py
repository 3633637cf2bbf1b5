"""The bench's own databases (a fresh SQLite file; `passage_bench` on PostgreSQL), set-up and verification.

Django runs only in child processes (manage.py, bench.load_setup, bench.load_verify), so one bench run can
use two databases and the load generator's process stays free of Django.
"""

import json
import subprocess  # noqa: S404 - our own modules, fixed arguments
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.load_server import PROJECT, manage

BENCH_DATABASE = "passage_bench"


@contextmanager
def bench_database(kind: str, workdir: Path, postgres_url: str = ""):
    """Yield a DATABASE_URL for an empty database of `kind`; a PostgreSQL one is dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    import psycopg  # only needed for the PostgreSQL run

    admin_url = postgres_url.replace("postgres://", "postgresql://", 1)
    parts = urlsplit(admin_url)
    bench_url = urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    try:
        yield bench_url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")


def prepare(env: dict[str, str], students: int, http_logins: int) -> dict:
    """Migrate, create the cache table, collect static files, then create the class and the quiz."""
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    return _run_json(env, "bench.load_setup", str(students), str(http_logins))


def verify(
    env: dict[str, str],
    assignment_id: int,
    accepted: dict[tuple[int, int], bool],
    unknown: set[tuple[int, int]],
) -> dict:
    rows = [[attempt, question, correct] for (attempt, question), correct in accepted.items()]
    request = {"assignment_id": assignment_id, "accepted": rows, "unknown": [list(pair) for pair in unknown]}
    return _run_json(env, "bench.load_verify", stdin=json.dumps(request))


def _run_json(env: dict[str, str], module: str, *args: str, stdin: str = "") -> dict:
    done = subprocess.run(  # noqa: S603 - our own interpreter and module, no user input  # nosec B603
        [sys.executable, "-m", module, *args],
        cwd=PROJECT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
