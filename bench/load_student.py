"""What one student's browser sends: sign in, start, open the quiz, answer by HTMX, finish, poll the board.

Each step returns True when the server answered as a browser expects; anything else is an error the
benchmark counts. URLs are the ones in quizzes/urls.py.
"""

import random
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.load_http import Connection, Pool, Reply, Session

ATTEMPT_URL = re.compile(r"/attempt/(\d+)/")
FORM = "application/x-www-form-urlencoded"


@dataclass
class Quiz:
    origin: str  # https://127.0.0.1:<port>, sent as Origin so CSRF checks pass as for a real browser
    assignment_id: int
    classroom_id: int
    password: str
    questions: list[dict]


@dataclass
class Student:
    username: str
    session: Session = field(default_factory=Session)
    attempt_id: int | None = None
    unanswered: list[dict] = field(default_factory=list)
    board_etag: str = ""


@dataclass
class Answer:
    attempt_id: int
    question_id: int
    correct: bool
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
    path = f"/assignment/{quiz.assignment_id}/start/"
    reply = await conn.request("POST", path, session=student.session, headers=htmx_headers(quiz, student))
    match = ATTEMPT_URL.search(reply.headers.get("hx-redirect", ""))
    if reply.status != 200 or match is None:
        return False
    student.attempt_id = int(match.group(1))
    student.unanswered = list(quiz.questions)
    return True


async def open_quiz_page(conn: Connection | Pool, student: Student) -> bool:
    reply = await conn.request("GET", f"/attempt/{student.attempt_id}/", session=student.session)
    return reply.status == 200


def next_answer(student: Student, rng: random.Random, share_correct: float = 0.7) -> Answer | None:
    if not student.unanswered:
        return None
    question = student.unanswered.pop(0)
    correct = rng.random() < share_correct
    value = question["right"] if correct else question["wrong"]
    fields = {"answer_text": value} if question["kind"] == "short_answer" else {"choice": value}
    return Answer(student.attempt_id, question["id"], correct, _form(fields))


def answer_saved(reply: Reply) -> bool:
    """Refusals are 200 too (the panel shows the message); only a kept answer fires answerSaved."""
    return reply.status == 200 and "answerSaved" in reply.headers.get("hx-trigger", "")


async def send_answer(conn: Connection | Pool, quiz: Quiz, student: Student, answer: Answer) -> Reply:
    path = f"/attempt/{answer.attempt_id}/question/{answer.question_id}/answer/"
    headers = htmx_headers(quiz, student)
    return await conn.request("POST", path, session=student.session, headers=headers, body=answer.body)


async def finish(conn: Connection | Pool, quiz: Quiz, student: Student) -> bool:
    path = f"/attempt/{student.attempt_id}/finish/"
    reply = await conn.request("POST", path, session=student.session, headers=htmx_headers(quiz, student))
    if reply.status == 200 and "hx-redirect" in reply.headers:
        student.attempt_id = None
        return True
    return False


async def poll_board(conn: Connection | Pool, quiz: Quiz, student: Student) -> Reply:
    """The class board fragment as an HTMX poll sends it: with the ETag of the copy the page already shows."""
    headers = {"HX-Request": "true"}
    if student.board_etag:
        headers["If-None-Match"] = student.board_etag
    reply = await conn.request(
        "GET", f"/classroom/{quiz.classroom_id}/board/", session=student.session, headers=headers
    )
    if reply.status == 200 and "etag" in reply.headers:
        student.board_etag = reply.headers["etag"]
    return reply


def _form(fields: dict) -> bytes:
    return urlencode(fields).encode()
