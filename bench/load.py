"""Classroom-scale load benchmark (issue 5): `python -m bench.load [--workers N] [--students 1000] ...`.

Starts the production server (gunicorn, config/gunicorn.conf.py, DEBUG=false) on a free loopback port,
creates a class of students with a quiz, signs them all in, then in one run measures: closed-loop capacity
(answers, bare view, bare insert, the same insert signed in, leaderboard poll), open-loop answer latency at
a fixed arrival rate, and checks the database against the client's own count. Runs on SQLite, and also
on PostgreSQL when DATABASE_URL is set. The last lines are machine-readable
`BENCH ...` lines, one per database.
"""

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

from bench import load_student as browser
from bench.load_db import bench_database, prepare, verify
from bench.load_open import finish_open_attempts, for_each_student, open_loop
from bench.load_phases import (
    Run,
    bare_insert,
    bare_view,
    board_poll,
    interleaved,
    signed_in_insert,
    whole_attempt,
)
from bench.load_report import DbReport, render
from bench.load_server import free_port, running_server, server_env
from bench.load_student import Quiz, Student

SERVE_DEFAULT_WORKERS = min(2 * (os.cpu_count() or 1), 8)  # as config/gunicorn.conf.py
LOGIN_CONCURRENCY = 16  # a sign-in is ~0.2 s of hashing: more at once only queues them
RSS_SAMPLE_SECONDS = 1.0


CLOSED_LOOP = [
    ("bare", bare_view),
    ("insert", bare_insert),
    ("signed-in", signed_in_insert),  # not a target: shows how much of an answer's cost is sign-in alone
    ("answers", whole_attempt),
    ("board", board_poll),
]


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--workers",
        type=int,
        default=SERVE_DEFAULT_WORKERS,
        help=f"gunicorn workers on SQLite (default: as make serve, two per core: {SERVE_DEFAULT_WORKERS})",
    )
    parser.add_argument(
        "--pg-workers", type=int, default=4, help="gunicorn workers on PostgreSQL (default 4)"
    )
    parser.add_argument("--students", type=int, default=1000, help="class size (default 1000)")
    parser.add_argument("--clients", type=int, default=64, help="closed-loop concurrent clients (default 64)")
    parser.add_argument(
        "--duration", type=float, default=20.0, help="seconds per measured phase (default 20)"
    )
    parser.add_argument(
        "--rounds",
        type=_positive,
        default=4,
        help="closed-loop phases take turns this many times, each for duration/rounds seconds (default 4)",
    )
    parser.add_argument(
        "--rate", type=float, default=200.0, help="open-loop answers per second (default 200)"
    )
    parser.add_argument("--poll-every", type=float, default=10.0, help="open-loop board poll period, seconds")
    parser.add_argument(
        "--http-logins",
        type=int,
        default=None,
        help="students signed in through the login form (default: all); the rest get sessions made directly "
        "in the session store, for quick runs",
    )
    parser.add_argument(
        "--db",
        choices=["sqlite", "postgres", "both"],
        default=None,
        help="default: sqlite, plus postgres when DATABASE_URL is set",
    )
    args = parser.parse_args(argv)
    if args.clients > args.students:
        parser.error("--clients cannot exceed --students")
    args.http_logins = args.students if args.http_logins is None else min(args.http_logins, args.students)
    return args


def databases(args: argparse.Namespace) -> list[str]:
    postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    wanted = args.db or ("both" if postgres else "sqlite")
    if wanted != "sqlite" and not postgres:
        sys.exit("--db postgres needs DATABASE_URL=postgres://... (the bench creates its own passage_bench)")
    return {"sqlite": ["sqlite"], "postgres": ["postgres"], "both": ["sqlite", "postgres"]}[wanted]


def run_database(kind: str, args: argparse.Namespace) -> DbReport:
    workers = args.workers if kind == "sqlite" else args.pg_workers
    notes = [
        f"load average before: {_loadavg()}",
        f"closed-loop phases took turns: {args.rounds} rounds of {args.duration / args.rounds:.1f} s each",
    ]
    if args.http_logins < args.students:
        notes.append(
            f"only {args.http_logins} students signed in through the form (--http-logins); the other "
            f"{args.students - args.http_logins} sessions were created directly in the session store"
        )
    with tempfile.TemporaryDirectory(prefix="passage-bench-") as tmp:
        workdir = Path(tmp)
        with bench_database(kind, workdir, os.environ.get("DATABASE_URL", "")) as database_url:
            port = free_port()
            redis_url = os.environ.get("REDIS_URL", "") if kind == "postgres" else ""
            env = server_env(
                database_url=database_url, workers=workers, workdir=workdir, port=port, redis_url=redis_url
            )
            notes.append(f"shared cache: {'Redis (REDIS_URL)' if redis_url else 'the database cache table'}")
            print(f"[{kind}] preparing database and {args.students} students ...", flush=True)
            data = prepare(env, args.students, args.http_logins)
            with running_server(env, port, workdir / "gunicorn.log") as server:
                run = new_run(port, data)
                phases = asyncio.run(measure(run, server, args))
                spacy_pids = server.workers_mapping("spacy")
            check = verify(env, data["assignment_id"], run.accepted, run.unknown)
    notes.append(f"load average after: {_loadavg()} (other processes on this machine skew absolute numbers)")
    notes.append(f"spaCy mapped in a web worker after the run: {spacy_pids or 'no'}")
    return DbReport(kind, workers, args.clients, phases, check, dict(server.peak_rss_mb), notes)


def _loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def new_run(port: int, data: dict) -> Run:
    quiz = Quiz(
        origin=f"https://127.0.0.1:{port}",
        assignment_id=data["assignment_id"],
        classroom_id=data["classroom_id"],
        password=data["password"],
        questions={question["id"]: question for question in data["questions"]},
    )
    students = [Student(name) for name in data["usernames"]]
    for student in students:
        student.session.cookies.update(data["minted"].get(student.username, {}))
    return Run("127.0.0.1", port, quiz, students)


async def measure(run: Run, server, args: argparse.Namespace) -> dict:
    sampler = asyncio.create_task(_sample_rss(server))
    phases = {}
    try:
        print(f"  signing in {args.http_logins} students (not timed with the phases) ...", flush=True)
        phases["login"] = await for_each_student(run, browser.login, LOGIN_CONCURRENCY, args.http_logins)
        phases.update(
            await interleaved(run, CLOSED_LOOP, args.clients, args.duration, args.rounds, tidy=_tidy)
        )
        phases["starts"] = await for_each_student(run, browser.start)
        print(
            f"  open loop: {args.rate:.0f} answers/s + board polls every {args.poll_every:.0f} s ...",
            flush=True,
        )
        phases["open"] = await open_loop(run, args.duration, len(run.students) / args.rate, args.poll_every)
        phases["finish"] = await for_each_student(run, finish_open_attempts)
    finally:
        sampler.cancel()
    server.sample_rss()
    return phases


async def _tidy(run: Run) -> None:
    await for_each_student(run, finish_open_attempts)


async def _sample_rss(server) -> None:
    while True:
        server.sample_rss()
        await asyncio.sleep(RSS_SAMPLE_SECONDS)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reports = [run_database(kind, args) for kind in databases(args)]
    print(f"\ncommand: python -m bench.load {' '.join(argv if argv is not None else sys.argv[1:])}")
    for report in reports:
        print(render(report))
    for report in reports:
        print(report.bench_line())
    return 0 if all(ok for report in reports for _, ok in report.targets()) else 1


if __name__ == "__main__":
    sys.exit(main())
