"""What one student's browser sends: sign in, start, open the quiz, answer by HTMX, next, finish, poll.

"Next question" is a request only when the answer's reply did not carry the next panel (as next.js,
the browser then swaps in the prefetched panel and sends nothing).

Like a browser, the client reads the question panel it was sent: the answer form's URL and the choice
labels (choices post their 1-based place in a per-attempt shuffle, never an id), then the "Next question"
link. Each step returns True when the server answered as a browser expects; anything else is an error.
"""

import html
import random
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.load_http import Connection, Pool, Reply, Session

ATTEMPT_URL = re.compile(r"/attempt/(\d+)/")
ANSWER_URL = re.compile(r'hx-post="(/attempt/(\d+)/question/(\d+)/answer/)"')
CHOICE = re.compile(r'value="(\d+)" required>\s*<label for="choice-\d+">([^<]*)</label>')
NEXT_URL = re.compile(r'hx-get="(/attempt/\d+/question/\d+/)"')
# A saved answer's reply carries the next question's panel; static/js/next.js shows it with no request.
NEXT_TEMPLATE = re.compile(r'<template id="next-question">(.*?)</template>', re.S)
FORM = "application/x-www-form-urlencoded"


@dataclass
class Quiz:
    origin: str  # https://127.0.0.1:<port>, sent as Origin so CSRF checks pass as for a real browser
    assignment_id: int
    classroom_id: int
    password: str
    questions: dict[
        int, dict
    ]  # id -> {"kind", "right", "wrong"} (answer texts, as a student would type/pick)


@dataclass
class Panel:
    """The answer form currently on the student's screen."""

    answer_url: str
    attempt_id: int
    question_id: int
    choices: dict[str, str]  # label text -> value the radio button posts


@dataclass
class Student:
    username: str
    session: Session = field(default_factory=Session)
    attempt_id: int | None = None
    panel: Panel | None = None
    next_url: str = ""
    board_etag: str = ""
    last_html: str = ""  # the last panel read, for error reports
    waiting: bool = False  # an answer (and the next question after it) is on its way
    last_answer: "Answer | None" = None
    prefetched: str = ""  # the next question's panel from the last saved answer's <template>, not yet shown


@dataclass
class Answer:
    attempt_id: int
    question_id: int
    correct: bool
    url: str
    body: bytes


def htmx_headers(quiz: Quiz, student: Student) -> dict[str, str]:
    return {
        "HX-Request": "true",
        "X-CSRFToken": student.session.csrf,
        "Origin": quiz.origin,
        "Content-Type": FORM,
    }


async def login(conn: Connection | Pool, quiz: Quiz, student: Student) -> bool:
    page = await conn.request("GET", "/login/", session=student.session)
    if page.status != 200 or not student.session.csrf:
        return False
    form = {
        "csrfmiddlewaretoken": student.session.csrf,
        "username": student.username,
        "password": quiz.password,
    }
    headers = {"Origin": quiz.origin, "Content-Type": FORM}
    reply = await conn.request("POST", "/login/", session=student.session, headers=headers, body=_form(form))
    return reply.status == 302 and "sessionid" in student.session.cookies


async def start(conn: Connection | Pool, quiz: Quiz, student: Student) -> bool:
    """Press "Start": HTMX redirects the browser to the quiz page, which it then loads in full."""
    path = f"/assignment/{quiz.assignment_id}/start/"
    reply = await conn.request("POST", path, session=student.session, headers=htmx_headers(quiz, student))
    match = ATTEMPT_URL.search(reply.headers.get("hx-redirect", ""))
    if reply.status != 200 or match is None:
        return False
    student.attempt_id, student.panel = int(match.group(1)), None
    page = await conn.request("GET", f"/attempt/{student.attempt_id}/", session=student.session)
    return page.status == 200 and read_panel(student, page.body)


def read_panel(student: Student, body: bytes) -> bool:
    text = body.decode()
    student.last_html = text
    form = ANSWER_URL.search(text)
    next_link = NEXT_URL.search(text)
    student.next_url = next_link.group(1) if next_link else ""
    if form is None:
        student.panel = None
        return False
    choices = {html.unescape(label): value for value, label in CHOICE.findall(text)}
    student.panel = Panel(form.group(1), int(form.group(2)), int(form.group(3)), choices)
    return True


def next_answer(
    quiz: Quiz, student: Student, rng: random.Random, share_correct: float = 0.7
) -> Answer | None:
    panel = student.panel
    if panel is None:
        return None
    last = student.last_answer
    if last is not None and (last.attempt_id, last.question_id) == (panel.attempt_id, panel.question_id):
        return last  # the last send got no reply: the student presses the button again, same answer
    question = quiz.questions[panel.question_id]
    correct = rng.random() < share_correct
    text = question["right"] if correct else question["wrong"]
    if question["kind"] != "short_answer" and text not in panel.choices:
        shown = student.last_html[student.last_html.find('id="question-panel"') :][:1500]
        raise ValueError(
            f"choice {text!r} not on the panel for question {panel.question_id}: {panel}\n{shown}"
        )
    fields = (
        {"answer_text": text} if question["kind"] == "short_answer" else {"choice": panel.choices.get(text)}
    )
    student.last_answer = Answer(
        panel.attempt_id, panel.question_id, correct, panel.answer_url, _form(fields)
    )
    return student.last_answer


def answer_saved(reply: Reply) -> bool:
    """Refusals are 200 too (the panel shows the message); only a kept answer fires answerSaved."""
    return reply.status == 200 and "answerSaved" in reply.headers.get("hx-trigger", "")


async def send_answer(conn: Connection | Pool, quiz: Quiz, student: Student, answer: Answer) -> Reply:
    headers = htmx_headers(quiz, student)
    reply = await conn.request("POST", answer.url, session=student.session, headers=headers, body=answer.body)
    if answer_saved(reply):
        read_saved_answer(student, reply.body)
    return reply


def read_saved_answer(student: Student, body: bytes) -> None:
    """The saved answer on screen (no form: the "Next question" link), and the prefetched next panel."""
    student.panel = None
    text = body.decode()
    template = NEXT_TEMPLATE.search(text)
    student.prefetched = template.group(1) if template else ""
    read_panel(student, NEXT_TEMPLATE.sub("", text).encode())


def show_prefetched(student: Student) -> bool:
    """Press "Next question" when the last reply carried the next panel: next.js swaps it in, no request."""
    html_text, student.prefetched = student.prefetched, ""
    return read_panel(student, html_text.encode())


async def next_question(conn: Connection | Pool, student: Student) -> bool:
    """Click "Next question" (an hx-get swapping the panel)."""
    reply = await conn.request(
        "GET", student.next_url, session=student.session, headers={"HX-Request": "true"}
    )
    return reply.status == 200 and read_panel(student, reply.body)


async def finish(conn: Connection | Pool, quiz: Quiz, student: Student) -> bool:
    path = f"/attempt/{student.attempt_id}/finish/"
    reply = await conn.request("POST", path, session=student.session, headers=htmx_headers(quiz, student))
    if reply.status == 200 and "hx-redirect" in reply.headers:
        student.attempt_id, student.panel, student.next_url = None, None, ""
        return True
    return False


async def poll_board(conn: Connection | Pool, quiz: Quiz, student: Student) -> Reply:
    """The class board fragment as an HTMX poll sends it: with the ETag of the copy the page already shows."""
    headers = {"HX-Request": "true"}
    if student.board_etag:
        headers["If-None-Match"] = student.board_etag
    path = f"/classroom/{quiz.classroom_id}/board/"
    reply = await conn.request("GET", path, session=student.session, headers=headers)
    if reply.status == 200 and "etag" in reply.headers:
        student.board_etag = reply.headers["etag"]
    return reply


def _form(fields: dict) -> bytes:
    return urlencode(fields).encode()
