"""Closed-loop phases: N clients send requests back to back for a fixed time; the rate is what got served.

The answer phase plays whole attempts (start → quiz page → every question → finish); the reference phases
hit the bare view, the bare insert view, the same insert for a signed-in student and the class leaderboard
poll with the same clients.
"""

import asyncio
import os
import random
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

from bench import load_student as browser
from bench.load_http import Connection, Reply
from bench.load_student import Quiz, Student

DUPLICATE_SHARE = 0.05  # answers sent twice at once, like a double click
ERROR_BACKOFF_SECONDS = 0.05


@dataclass
class PhaseResult:
    name: str
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # the load generator's own CPU time during the phase
    machine_busy: float = 0.0  # share of all cores busy (server + generator), from /proc/stat
    ok: Counter = field(default_factory=Counter)  # per request kind
    errors: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)

    def record(self, kind: str, ok: bool, status: int | str = "") -> None:
        (self.ok if ok else self.errors)[kind] += 1
        self.statuses[f"{kind}:{status}"] += 1

    def rate(self, kind: str) -> float:
        return self.ok[kind] / self.seconds if self.seconds else 0.0

    def add(self, part: "PhaseResult") -> None:
        """Fold in another round of the same phase: counts and times add up, busy share by time."""
        busy_seconds = self.machine_busy * self.seconds + part.machine_busy * part.seconds
        self.seconds += part.seconds
        self.cpu_seconds += part.cpu_seconds
        self.machine_busy = busy_seconds / self.seconds if self.seconds else 0.0
        self.ok.update(part.ok)
        self.errors.update(part.errors)
        self.statuses.update(part.statuses)
        self.latencies_ms.extend(part.latencies_ms)


@dataclass
class Run:
    """Shared state of one run: the server, the quiz, logged-in students, what the client saw accepted."""

    host: str
    port: int
    quiz: Quiz
    students: list[Student]
    accepted: dict[tuple[int, int], bool] = field(default_factory=dict)
    # Sent, but no reply (error or timeout): the server may or may not have stored these.
    unknown: set[tuple[int, int]] = field(default_factory=set)
    busy: set[str] = field(default_factory=set)
    rng: random.Random = field(default_factory=lambda: random.Random(5))  # noqa: S311 - not security

    def connect(self) -> Connection:
        return Connection(self.host, self.port)


def cpu_ticks() -> tuple[int, int]:
    fields = [int(value) for value in open("/proc/stat").readline().split()[1:]]  # noqa: SIM115
    return sum(fields), fields[3] + fields[4]  # total, idle + iowait


async def closed_loop(run: Run, name: str, clients: int, duration: float, step) -> PhaseResult:
    result = PhaseResult(name)
    deadline = time.monotonic() + duration

    async def client(index: int) -> None:
        conns = (run.connect(), run.connect())
        try:
            while time.monotonic() < deadline:
                try:
                    await step(run, index, conns, result, deadline)
                except Exception as error:  # noqa: BLE001 - every failure is counted, then the client goes on
                    if os.environ.get("BENCH_TRACE"):
                        traceback.print_exc()
                    result.record(name, False, type(error).__name__)
                    for conn in conns:
                        conn.close()
                    await asyncio.sleep(ERROR_BACKOFF_SECONDS)
        finally:
            for conn in conns:
                conn.close()

    started, cpu, ticks = time.monotonic(), time.process_time(), cpu_ticks()
    await asyncio.gather(*(client(i) for i in range(clients)))
    total, idle = (now - before for now, before in zip(cpu_ticks(), ticks, strict=True))
    result.seconds = time.monotonic() - started
    result.cpu_seconds = time.process_time() - cpu
    result.machine_busy = 1 - idle / total if total else 0.0
    return result


async def interleaved(
    run: Run, phases, clients: int, duration: float, rounds: int, tidy=None
) -> dict[str, PhaseResult]:
    """Each closed-loop phase for `duration` seconds in all, in `rounds` turns taken one after the other
    (bare, insert, answers, board, bare, …), so that a machine whose speed drifts during the run (other
    tenants, thermal limits) slows every phase alike and the printed ratios stay side by side.
    `tidy(run)`, untimed after every round, finishes the attempts a round's end left half done, so every
    round starts with the whole class free (a student mid-attempt is never picked to start another)."""
    results = {name: PhaseResult(name) for name, _step in phases}
    for turn in range(rounds):
        for name, step in phases:
            print(f"  closed loop: {name}, {clients} clients, round {turn + 1} of {rounds} ...", flush=True)
            results[name].add(await closed_loop(run, name, clients, duration / rounds, step))
        if tidy is not None:
            await tidy(run)
    return results


async def bare_view(run: Run, index: int, conns, result: PhaseResult, deadline: float) -> None:
    reply = await conns[0].request("GET", "/bench/ok", session=run.students[index].session)
    result.record("bare", reply.status == 200 and reply.body == b"ok", reply.status)


async def bare_insert(run: Run, index: int, conns, result: PhaseResult, deadline: float) -> None:
    student = run.students[index]
    headers = browser.htmx_headers(run.quiz, student)
    reply = await conns[0].request("POST", "/bench/insert", session=student.session, headers=headers)
    result.record("insert", reply.status == 200, reply.status)


async def signed_in_insert(run: Run, index: int, conns, result: PhaseResult, deadline: float) -> None:
    """The bare insert behind login_required: the session and the user loaded, as for every answer."""
    student = run.students[index]
    headers = browser.htmx_headers(run.quiz, student)
    reply = await conns[0].request(
        "POST", "/bench/insert-signed-in", session=student.session, headers=headers
    )
    # A signed-out HTMX request would get a 200 too (a client-side redirect to sign in): check the body.
    result.record("signed-in", reply.status == 200 and reply.body == b"ok", reply.status)


async def board_poll(run: Run, index: int, conns, result: PhaseResult, deadline: float) -> None:
    reply = await browser.poll_board(conns[0], run.quiz, run.students[index])
    result.record("board", reply.status in (200, 304), reply.status)


async def whole_attempt(run: Run, index: int, conns, result: PhaseResult, deadline: float) -> None:
    """start -> quiz page -> (answer, next question)* -> finish; at the deadline it stops mid-attempt."""
    student = _free_student(run)
    try:
        if not await _recorded(result, "start", browser.start(conns[0], run.quiz, student)):
            return
        while time.monotonic() < deadline:
            if not await answer_once(run, student, conns, result):
                return  # the student is left mid-attempt; the tidy-up after the round finishes it
            if not student.next_url:
                await _recorded(result, "finish", browser.finish(conns[0], run.quiz, student))
                return
            if student.prefetched:
                if not shown_prefetched(result, student):
                    return
            elif not await _recorded(result, "next", browser.next_question(conns[0], student)):
                return
    finally:
        run.busy.discard(student.username)


async def answer_once(run: Run, student: Student, conns, result: PhaseResult) -> bool:
    """Send the answer on screen, sometimes twice at once (a double click); True when the first was kept."""
    answer = browser.next_answer(run.quiz, student, run.rng)
    if answer is None:
        result.record("answer", False, "no-form")
        return False
    twice = run.rng.random() < DUPLICATE_SHARE
    sends = [browser.send_answer(conn, run.quiz, student, answer) for conn in conns[: 2 if twice else 1]]
    replies: list[Reply | BaseException] = await asyncio.gather(*sends, return_exceptions=True)
    for conn, reply in zip(conns, replies, strict=False):
        status = _answer_status(reply)
        result.record("answer", status == 200, status)
        if status == 200:
            run.accepted[(answer.attempt_id, answer.question_id)] = answer.correct
        if not isinstance(reply, Reply):
            run.unknown.add((answer.attempt_id, answer.question_id))
            conn.close()  # its reply was not read to the end
    return _answer_status(replies[0]) == 200


def _answer_status(reply: Reply | BaseException) -> int | str:
    if isinstance(reply, BaseException):
        return type(reply).__name__
    return reply.status if reply.status != 200 or browser.answer_saved(reply) else "200-not-saved"


def _free_student(run: Run) -> Student:
    # Cycle through the class; never let two clients act as the same student at once.
    while True:
        student = run.students[run.rng.randrange(len(run.students))]
        if student.username not in run.busy and student.attempt_id is None:
            run.busy.add(student.username)
            return student


def shown_prefetched(result: PhaseResult, student: Student) -> bool:
    """Press "Next question" when the answer carried the next panel (no request), and record it."""
    ok = browser.show_prefetched(student)
    result.record("next", ok, "prefetched" if ok else "unexpected")
    return ok


async def _recorded(result: PhaseResult, kind: str, outcome) -> bool:
    ok = await outcome
    result.record(kind, ok, "ok" if ok else "unexpected")
    return ok
