"""Open loop: answers and board polls sent at scheduled times, whatever the server's speed.

A thousand students each answer every five seconds (200 answers/s) while their pages poll the class board
every ten; latency counts from the scheduled send time, so a slow server cannot hide its queue
(no coordinated omission).
"""

import asyncio
import time

from bench import load_student as browser
from bench.load_http import Pool
from bench.load_phases import PhaseResult, Run, cpu_ticks, shown_prefetched

POOL_SIZE = 512
START_DELAY_SECONDS = 0.5
# After the last scheduled send, requests still waiting get this long; then they count as timed-out errors.
DRAIN_SECONDS = 20.0


def schedule(
    students: int, duration: float, answer_every: float, poll_every: float
) -> list[tuple[float, str, int]]:
    """(seconds from start, kind, student index), spread evenly so the arrival rate is constant."""
    events = []
    for index in range(students):
        for kind, every in (("answer", answer_every), ("board", poll_every)):
            at = (index + (0.5 if kind == "board" else 0.0)) * every / students
            while at < duration:
                events.append((at, kind, index))
                at += every
    return sorted(events)


async def open_loop(
    run: Run, duration: float, answer_every: float = 5.0, poll_every: float = 10.0
) -> PhaseResult:
    result = PhaseResult("open loop")
    pool = Pool(run.host, run.port, POOL_SIZE)
    tasks = []
    started, cpu, ticks = time.monotonic() + START_DELAY_SECONDS, time.process_time(), cpu_ticks()
    for at, kind, index in schedule(len(run.students), duration, answer_every, poll_every):
        delay = started + at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(_fire(run, pool, result, kind, index, started + at)))
    _done, late = await asyncio.wait(tasks, timeout=DRAIN_SECONDS)
    for task in late:
        task.cancel()
    await asyncio.gather(*late, return_exceptions=True)
    total, idle = (now - before for now, before in zip(cpu_ticks(), ticks, strict=True))
    result.seconds = time.monotonic() - started
    result.cpu_seconds = time.process_time() - cpu
    result.machine_busy = 1 - idle / total if total else 0.0
    pool.close()
    return result


async def _fire(run: Run, pool: Pool, result: PhaseResult, kind: str, index: int, scheduled: float) -> None:
    student = run.students[index]
    answer = None
    try:
        if kind == "board":
            reply = await browser.poll_board(pool, run.quiz, student)
            result.record("board", reply.status in (200, 304), reply.status)
            return
        if student.waiting:  # a student cannot send the next answer before the last one came back
            result.record("missed", True, "still-waiting-for-the-previous-answer")
            return
        student.waiting = True
        if student.panel is None and student.next_url:  # "Next question" never loaded: click it again
            kind = "next"
            ok = await browser.next_question(pool, student)
            result.record("next", ok, "ok" if ok else "unexpected")
            kind = "answer"
        answer = browser.next_answer(run.quiz, student, run.rng)
        if answer is None:
            result.record("answer", False, "no-question-on-screen")
            return
        reply = await browser.send_answer(pool, run.quiz, student, answer)
        result.latencies_ms.append((time.monotonic() - scheduled) * 1000)
        saved = browser.answer_saved(reply)
        result.record("answer", saved, reply.status if saved or reply.status != 200 else "200-not-saved")
        if saved:
            run.accepted[(answer.attempt_id, answer.question_id)] = answer.correct
            answer = None  # what follows is not part of the answer's latency or outcome
            if student.prefetched:  # "Next question": the panel came with the answer, no request
                shown_prefetched(result, student)
            elif student.next_url:  # the student clicks "Next question" and reads it until the next answer
                kind = "next"
                ok = await browser.next_question(pool, student)
                result.record("next", ok, "ok" if ok else "unexpected")
    except asyncio.CancelledError:
        # Still unanswered when the drain time ran out: an error, and its latency is at least this long.
        result.record(kind, False, "timeout")
        if kind == "answer" and answer is not None:
            result.latencies_ms.append((time.monotonic() - scheduled) * 1000)
            run.unknown.add((answer.attempt_id, answer.question_id))
        raise
    except Exception as error:  # noqa: BLE001 - counted as an error of its kind
        result.record(kind, False, type(error).__name__)
        if kind == "answer" and answer is not None:
            run.unknown.add((answer.attempt_id, answer.question_id))
    finally:
        if kind != "board":
            student.waiting = False


async def for_each_student(run: Run, action, concurrency: int = 32, first: int | None = None) -> PhaseResult:
    """Untimed chores (sign-in, starting or finishing attempts), `concurrency` at a time."""
    result = PhaseResult(action.__name__)
    queue = list(run.students[:first])
    started = time.monotonic()

    async def worker() -> None:
        conn = run.connect()
        while queue:
            student = queue.pop()
            began = time.monotonic()
            try:
                ok = await action(conn, run.quiz, student)
            except Exception as error:  # noqa: BLE001
                ok, conn = False, run.connect()
                result.statuses[type(error).__name__] += 1
            result.latencies_ms.append((time.monotonic() - began) * 1000)
            result.record(action.__name__, ok)
        conn.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.seconds = time.monotonic() - started
    return result


async def finish_open_attempts(conn, quiz, student) -> bool:
    return True if student.attempt_id is None else await browser.finish(conn, quiz, student)
