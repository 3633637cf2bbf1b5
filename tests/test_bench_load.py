"""The load benchmark's client reads pages as a browser would, and its open loop keeps the promised rate."""

from collections import Counter

import pytest

from bench.load_open import schedule
from bench.load_report import percentile
from bench.load_student import Student, read_panel, read_saved_answer, show_prefetched
from quizzes.models import Response
from tests.quizzes.view_helpers import HTMX, make_quiz, start

pytestmark = pytest.mark.django_db


def test_client_answers_by_the_label_it_reads_whatever_the_shuffle():
    quiz = make_quiz(shuffle=True)
    attempt = start(quiz)
    student = Student("ada")
    assert read_panel(student, quiz.client.get(f"/attempt/{attempt.pk}/").content)
    assert student.panel.question_id == quiz.mc.pk
    assert set(student.panel.choices) == {choice.text for choice in quiz.mc.choices.all()}

    right = quiz.mc.choices.get(is_correct=True)
    form = {"choice": student.panel.choices[right.text]}
    reply = quiz.client.post(student.panel.answer_url, form, headers=HTMX)
    assert "answerSaved" in reply.headers["HX-Trigger"]
    assert Response.objects.get(attempt=attempt, question=quiz.mc).choice_id == right.pk

    read_saved_answer(student, reply.content)  # no form on screen, only the "Next question" link
    assert student.panel is None and student.next_url.endswith(f"/question/{quiz.tf.pk}/")
    assert show_prefetched(student)  # "Next question" shows the panel that came with the answer
    assert student.panel.question_id == quiz.tf.pk
    assert set(student.panel.choices) == {"True", "False"}


def test_client_has_nothing_prefetched_after_the_last_question():
    quiz = make_quiz(shuffle=True)
    attempt = start(quiz)
    student = Student("ada")
    read_panel(student, quiz.client.get(f"/attempt/{attempt.pk}/").content)
    for _ in quiz.questions:
        form = {"answer_text": "Mosul"} if not student.panel.choices else {"choice": "1"}
        reply = quiz.client.post(student.panel.answer_url, form, headers=HTMX)
        read_saved_answer(student, reply.content)
        if student.prefetched:
            assert show_prefetched(student)
    assert attempt.responses.count() == 3
    assert student.prefetched == "" and student.next_url == "" and student.panel is None  # Finish is next


def test_open_loop_schedule_sends_the_same_number_of_answers_every_second():
    events = schedule(students=1000, duration=20, answer_every=5.0, poll_every=10.0)
    answers_per_second = Counter(int(at) for at, kind, _ in events if kind == "answer")
    polls_per_second = Counter(int(at) for at, kind, _ in events if kind == "board")
    assert set(answers_per_second.values()) == {200} and len(answers_per_second) == 20
    assert set(polls_per_second.values()) == {100}
    per_student = Counter(index for _, kind, index in events if kind == "answer")
    assert set(per_student.values()) == {4}


def test_percentile_picks_the_value_below_which_the_share_falls():
    values = list(range(1, 101))
    assert (percentile(values, 0.5), percentile(values, 0.99), percentile(values, 1.0)) == (51, 100, 100)
    assert percentile([], 0.99) == 0.0


def test_interleaved_phases_take_turns_and_add_up(monkeypatch):
    """Closed-loop phases run in rounds, one after the other, and each phase's rounds are summed, so a
    machine that slows down mid-run slows every phase alike."""
    import asyncio

    from bench import load_phases

    calls = []

    async def fake_closed_loop(run, name, clients, duration, step):
        calls.append((name, duration))
        part = load_phases.PhaseResult(
            name, seconds=duration, cpu_seconds=0.5, machine_busy=0.5 + len(calls) / 100
        )
        part.record(name, True, 200)
        part.record(name, False, 500)
        return part

    async def tidy(run):
        calls.append(("tidy", None))

    monkeypatch.setattr(load_phases, "closed_loop", fake_closed_loop)
    phases = [("bare", None), ("answers", None)]
    results = asyncio.run(
        load_phases.interleaved(None, phases, clients=8, duration=20.0, rounds=4, tidy=tidy)
    )
    assert calls == [("bare", 5.0), ("answers", 5.0), ("tidy", None)] * 4
    assert results["bare"].seconds == 20.0 and results["bare"].cpu_seconds == 2.0
    assert results["bare"].ok["bare"] == 4 and results["bare"].errors["bare"] == 4
    assert results["bare"].rate("bare") == 4 / 20.0
    assert results["answers"].statuses == Counter({"answers:200": 4, "answers:500": 4})
    # busy share weighted by time: the mean of calls 1, 4, 7, 10 (0.51, 0.54, 0.57, 0.60)
    assert results["bare"].machine_busy == pytest.approx(0.555)


def test_report_shows_the_signed_in_insert_beside_the_bare_one():
    from collections import Counter

    from bench.load_phases import PhaseResult
    from bench.load_report import DbReport, render

    def phase(name, **ok):
        return PhaseResult(name, seconds=10.0, ok=Counter(ok))

    phases = {
        "login": phase("login", login=1000),
        "bare": phase("bare", bare=30000),
        "insert": phase("insert", insert=20000),
        "signed-in": phase("signed-in", **{"signed-in": 12000}),
        "answers": phase("answers", answer=5000, start=400, finish=400),
        "board": phase("board", board=16000),
        "open": phase("open", answer=2000, board=1000),
    }
    check = dict.fromkeys(["lost", "double", "unexpected", "score_not_sum", "score_not_client"], 0)
    report = DbReport("sqlite", 4, 64, phases, check, {1: 64.0})
    assert round(report.signed_in_ratio, 2) == 0.6 and round(report.insert_ratio, 2) == 0.25
    text = render(report)
    assert "signed-in insert POST (same, signed in)    1200.0/s" in text
    assert "signed-in insert req/s / insert req/s = 0.60" in text
    assert not [line for line in text.splitlines() if "signed" in line and ("PASS" in line or "FAIL" in line)]
