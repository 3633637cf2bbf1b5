"""Bench set-up, run in its own process against the bench database: schema, a class of N students, a quiz.

Prints one JSON line: what the load client needs (ids, usernames, the password, each question's right and
wrong answer). Students share one password hash: hashing 1,000 passwords one by one would take minutes of
CPU before anything is measured; their logins still go through the real sign-in view and hasher.
"""

import datetime as dt
import importlib
import json
import os
import re
import secrets
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles import services as article_services  # noqa: E402
from quizzes import services  # noqa: E402
from quizzes.models import Assignment, Choice, Enrollment, Question  # noqa: E402
from quizzes.views.bench import bench_table_create  # noqa: E402

ARTICLE = Path(__file__).resolve().parent.parent / "data" / "articles" / "mosul-offensive.txt"
SENTENCE = re.compile(r"[A-Z][^.!?\n]{20,}[.!?]")
QUESTION_KINDS = ["multiple_choice"] * 6 + ["true_false"] * 3 + ["short_answer"] * 3


def create_students(classroom, count: int, password: str) -> list[str]:
    User = get_user_model()
    shared_hash = make_password(password)
    usernames = [f"bench{n:04d}" for n in range(1, count + 1)]
    User.objects.bulk_create(User(username=name, password=shared_hash) for name in usernames)
    users = User.objects.filter(username__in=usernames).order_by("username")
    Enrollment.objects.bulk_create(
        Enrollment(classroom=classroom, student=user, display_name=f"Student {user.username[5:]}")
        for user in users
    )
    return usernames


def evidence_spans(text: str) -> list[tuple[int, int]]:
    """Each sentence's [start, end) offsets: generated questions always point at their sentence, so with
    feedback after each question every saved answer re-sends the article with that sentence marked."""
    return [(match.start(), match.end()) for match in SENTENCE.finditer(text)]


def create_question(article, position: int, kind: str, evidence: tuple[int, int]) -> dict:
    evidence_start, evidence_end = evidence
    question = Question.objects.create(
        article=article,
        kind=kind,
        prompt=f"Bench question {position}?",
        answer="Mosul",
        status=Question.Status.APPROVED,
        position=position,
        evidence_start=evidence_start,
        evidence_end=evidence_end,
    )
    item = {"id": question.pk, "kind": kind, "right": "Mosul", "wrong": "Baghdad"}
    if kind != "short_answer":
        texts = ["True", "False"] if kind == "true_false" else ["Mosul", "Baghdad", "Raqqa", "Aleppo"]
        choices = [
            Choice.objects.create(question=question, text=text, is_correct=(i == 0), position=i)
            for i, text in enumerate(texts)
        ]
        question.answer = texts[0]
        question.save(update_fields=["answer"])
        item.update(right=choices[0].text, wrong=choices[1].text)
    return item


def create_quiz(teacher, classroom) -> tuple[Assignment, list[dict]]:
    # Pasted and cleaned as a teacher's article is (boilerplate removed): the page carries what a class sees.
    article = article_services.article_create(
        owner=teacher, title="Bench article", raw_text=ARTICLE.read_text()
    )
    spans = evidence_spans(article.text)
    questions = [
        create_question(article, n, kind, spans[n % len(spans)])
        for n, kind in enumerate(QUESTION_KINDS, start=1)
    ]
    assignment = services.assignment_create(
        classroom=classroom,
        article=article,
        opens_at=timezone.now() - dt.timedelta(minutes=5),
        title="Bench quiz",
        attempts_allowed=100,
        reveal=Assignment.Reveal.AFTER_EACH,
        shuffle_choices=True,
        show_leaderboard=True,
    )
    return assignment, questions


def mint_sessions(usernames: list[str]) -> dict[str, dict[str, str]]:
    """Signed-in sessions made the way django.contrib.auth.login stores them, without the password hash.

    Only for `--http-logins` below the class size (quick runs): the report says how many were minted.
    """
    store = importlib.import_module(settings.SESSION_ENGINE).SessionStore
    cookies = {}
    for user in get_user_model().objects.filter(username__in=usernames):
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        csrf = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(32))
        cookies[user.username] = {settings.SESSION_COOKIE_NAME: session.session_key, "csrftoken": csrf}
    return cookies


def main(students: int, http_logins: int) -> dict:
    bench_table_create()
    password = "bench-" + os.urandom(8).hex()
    teacher = get_user_model().objects.create_user("bench-teacher", password=password, is_staff=True)
    classroom = services.classroom_create(teacher=teacher, name="Bench class")
    usernames = create_students(classroom, students, password)
    assignment, questions = create_quiz(teacher, classroom)
    return {
        "classroom_id": classroom.pk,
        "assignment_id": assignment.pk,
        "board_token": classroom.board_token,
        "password": password,
        "usernames": usernames,
        "questions": questions,
        "minted": mint_sessions(usernames[http_logins:]),
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), int(sys.argv[2]))))
