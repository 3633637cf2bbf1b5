"""What one request of each kind costs inside Django, without HTTP, other processes or the machine's mood.

`python -m bench.request_cost` builds the load bench's quiz (bench/load_setup.py) in a temporary SQLite
database and plays whole attempts through Django's WSGI handler, called directly as gunicorn calls it:
start → quiz page → every answer (HTMX) → finish, with the bare insert and the signed-in insert (the same
write behind login_required, bench/insert-signed-in) in between.
It prints each kind's CPU time (median, `time.process_time`) and, with `--instructions` (needs valgrind),
the instructions each kind executes, counted by callgrind: within a few per cent on every run, where timings
on a shared machine drift by half from one minute to the next (bench/LOAD.md). The last line is the in-process
counterpart of the load bench's insert ratio: a bare insert's instructions over an answer's, with the
attempt's start, page and finish shared over its answers; and, for scale, the bare insert over the
signed-in insert, which is as high as that ratio could go while an answer must load a session and a user.

Use it to compare two commits: `git stash`, run, `git stash pop`, run; or two worktrees.
"""

import argparse
import functools
import io
import json
import os
import random
import re
import statistics
import subprocess  # nosec B404 - runs valgrind on this same script
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path

from bench.load_student import (
    ATTEMPT_URL,
    Quiz,
    Student,
    next_answer,
    read_panel,
    read_saved_answer,
    show_prefetched,
)

KINDS = ["insert", "signed-in", "answer", "start", "page", "finish"]
COLLECTED = re.compile(r"Collected : (\d+)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.request_cost", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--attempts", type=int, default=20, help="whole attempts measured (default 20)")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions per kind under callgrind (slow)"
    )
    parser.add_argument("--count-kind", choices=KINDS, help=argparse.SUPPRESS)  # the run under valgrind
    args = parser.parse_args(argv)
    cpu, counts = play(args.attempts, args.count_kind)
    if args.count_kind:
        print(json.dumps(counts))
        return 0
    instructions = count_instructions(max(2, args.attempts // 10)) if args.instructions else {}
    print(report(cpu, counts, instructions))
    return 0


def play(attempts: int, count_kind: str | None) -> tuple[dict[str, list[float]], dict[str, int]]:
    with tempfile.TemporaryDirectory(prefix="passage-cost-") as workdir:
        app, info = _app(Path(workdir))
        driver = Driver(app, info, count_kind)
        for student in driver.students[:4]:  # warm: templates, kept quiz items, connections
            driver.attempt(student)
        driver.cpu.clear()
        driver.counts.clear()
        driver.measuring = True
        for number in range(attempts):
            driver.attempt(driver.students[number % len(driver.students)])
        return driver.cpu, dict(driver.counts)


def _app(workdir: Path):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY="cost-" + os.urandom(24).hex(),
        ALLOWED_HOSTS="testserver",
        PASSAGE_BENCH_VIEWS="1",
        DATABASE_URL=f"sqlite:///{workdir / 'cost.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection

    for command in ("migrate", "createcachetable"):
        call_command(command, verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    from bench import load_setup

    info = load_setup.main(64, 0)
    connection.close()  # the handler opens its own, as a fresh worker would
    return WSGIHandler(), info


class Driver:
    """A browser without HTTP: environ dicts in, cookies kept, panels read as bench/load_student.py does."""

    def __init__(self, app, info: dict, count_kind: str | None):
        self.app, self.info, self.count_kind = app, info, count_kind
        self.students = [dict(cookies) for cookies in info["minted"].values()]
        questions = {question["id"]: question for question in info["questions"]}
        self.quiz = Quiz("https://testserver", info["assignment_id"], info["classroom_id"], "", questions)
        self.rng = random.Random(0)  # noqa: S311 - not security; every answer is the right one anyway
        self.cpu: dict[str, list[float]] = {}
        self.counts: dict[str, int] = {}
        self.measuring = False

    def attempt(self, cookies: dict) -> None:
        self.request("insert", "POST", "/bench/insert", cookies, htmx=True)
        _, headers, _ = self.request(
            "start", "POST", f"/assignment/{self.info['assignment_id']}/start/", cookies, htmx=True
        )
        redirect = ATTEMPT_URL.search(headers.get("hx-redirect", ""))
        if redirect is None:
            raise RuntimeError(f"start did not send the student to an attempt: {headers}")
        attempt_id = int(redirect.group(1))
        status, _, body = self.request("page", "GET", f"/attempt/{attempt_id}/", cookies)
        if status != 200:
            raise RuntimeError(f"quiz page: {status}")
        student = Student("cost")  # holds the panel on screen, read as the load bench's browser reads it
        read_panel(student, body)
        while student.panel is not None:
            answer = next_answer(self.quiz, student, self.rng, share_correct=1.0)
            if answer is None:
                raise RuntimeError("a question panel the load bench's student cannot answer")
            status, headers, body = self.request(
                "answer", "POST", answer.url, cookies, answer.body, htmx=True
            )
            if status != 200 or "answerSaved" not in headers.get("hx-trigger", ""):
                raise RuntimeError(f"answer not saved: {status} {body[:300]!r}")
            read_saved_answer(student, body)
            show_prefetched(student)  # the next question's panel, or none after the last
            self.request("insert", "POST", "/bench/insert", cookies, htmx=True)
            self.request("signed-in", "POST", "/bench/insert-signed-in", cookies, htmx=True)
        status, _, _ = self.request("finish", "POST", f"/attempt/{attempt_id}/finish/", cookies, htmx=True)
        if status != 200:
            raise RuntimeError(f"finish refused: {status}")

    def request(self, kind, method, path, cookies, body=b"", *, htmx=False):
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "443",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "testserver",
            "HTTP_X_FORWARDED_PROTO": "https",
            "HTTP_COOKIE": "; ".join(f"{name}={value}" for name, value in cookies.items()),
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        if htmx:
            environ.update(
                HTTP_HX_REQUEST="true",
                HTTP_X_CSRFTOKEN=cookies["csrftoken"],
                HTTP_ORIGIN="https://testserver",
                CONTENT_TYPE="application/x-www-form-urlencoded",
            )
        reply = {}

        def start_response(status, headers, exc_info=None):
            reply["status"], reply["headers"] = int(status[:3]), headers

        measured = self.measuring and kind == self.count_kind
        started = time.process_time()
        if (
            measured
        ):  # callgrind counts only inside sys.call_tracing (--toggle-collect), which nothing else calls
            content = sys.call_tracing(lambda: b"".join(self.app(environ, start_response)), ())
        else:
            content = b"".join(self.app(environ, start_response))
        if self.measuring:
            self.cpu.setdefault(kind, []).append(time.process_time() - started)
            self.counts[kind] = self.counts.get(kind, 0) + 1
        for name, value in reply["headers"]:
            if name.lower() == "set-cookie":
                cookies.update({key: morsel.value for key, morsel in SimpleCookie(value).items()})
        return reply["status"], {name.lower(): value for name, value in reply["headers"]}, content


def count_instructions(attempts: int) -> dict[str, float]:
    """Instructions per request of each kind: a valgrind run per kind (as many at once as there are cores),
    each counting only its own kind's calls."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        counted = pool.map(functools.partial(_instructions, attempts), KINDS)
        return dict(zip(KINDS, counted, strict=True))


def _instructions(attempts: int, kind: str) -> float:
    with tempfile.TemporaryDirectory(prefix="passage-callgrind-") as out:
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}/callgrind.out",
            "--collect-atstart=no",
            "--toggle-collect=sys_call_tracing",
            sys.executable,
            "-m",
            "bench.request_cost",
            "--attempts",
            str(attempts),
            "--count-kind",
            kind,
        ]
        done = subprocess.run(  # noqa: S603 - fixed argv  # nosec B603
            command, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"}
        )
    collected = int(COLLECTED.findall(done.stderr)[-1])
    if not collected:
        raise SystemExit(
            "callgrind counted nothing: this Python's symbols are stripped (no sys_call_tracing)"
        )
    per_request = collected / json.loads(done.stdout.splitlines()[-1])[kind]
    print(f"  {kind}: {per_request / 1e6:.2f}M instructions", file=sys.stderr, flush=True)
    return per_request


def report(cpu: dict[str, list[float]], counts: dict[str, int], instructions: dict[str, float]) -> str:
    lines = ["kind       requests  cpu p50 ms  instructions"]
    for kind in KINDS:
        count = f"{instructions[kind] / 1e6:8.2f}M" if kind in instructions else "         -"
        lines.append(f"{kind:9s}  {counts[kind]:8d}  {statistics.median(cpu[kind]) * 1000:10.2f}  {count}")
    answers = counts["answer"] / counts["start"]
    shared = ("start", "page", "finish")
    cpu_per_answer = (
        statistics.median(cpu["answer"]) + sum(statistics.median(cpu[k]) for k in shared) / answers
    )
    lines.append(
        f"per answer, with its attempt's start, page and finish shared over {answers:.0f} answers: "
        f"cpu {cpu_per_answer * 1000:.2f} ms; bare insert / answer = "
        f"{statistics.median(cpu['insert']) / cpu_per_answer:.2f} by cpu"
    )
    if instructions:
        per_answer = instructions["answer"] + sum(instructions[k] for k in shared) / answers
        insert = instructions["insert"]
        # The signed-in insert is the floor any answer stands on: session, user, one committed row.
        lines.append(
            f"COST answer_instructions={per_answer / 1e6:.2f}M insert_instructions={insert / 1e6:.2f}M "
            f"insert_over_answer={insert / per_answer:.3f} "
            f"insert_over_signed_in_insert={insert / instructions['signed-in']:.3f}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
