"""`manage.py load_demo`: the demo class from data/demo/questions.json, safe to run again.

A teacher, five students (password "demo": DEMO ONLY), the Mosul article cleaned by `article_create`, the
hand-written questions, an open assignment, and finished attempts for the students the file lists, made
through the same services a student's browser uses. Running it twice changes nothing the second time.

The questions are hand-written. To demo reviewed generated questions instead, write them into
data/demo/questions.json in the same shape (kind, prompt, answer, choices, accepted, evidence).
"""

import datetime as dt
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.models import Article
from articles.services import article_create
from articles.text import split_sentences
from quizzes.models import Assignment, Attempt, Choice, Classroom, Enrollment, Question
from quizzes.roles import ensure_teachers_group
from quizzes.services import (
    assignment_create,
    attempt_finish,
    attempt_start,
    classroom_create,
    response_submit,
)

DEMO_FILE = Path(settings.BASE_DIR) / "data" / "demo" / "questions.json"
# The documented, printed password of the demo accounts; demo data only.
DEMO_PASSWORD = "demo"  # noqa: S105 # nosec B105
WRONG_SHORT_ANSWER = "I am not sure"


def evidence_span(text: str, anchor: str) -> tuple[int | None, int | None]:
    """Offsets of the whole sentence of `text` containing `anchor`, or (None, None) if it is not there."""
    offset = 0
    for paragraph in text.split("\n"):
        cursor = 0
        for sentence in split_sentences(paragraph):
            start = paragraph.find(sentence, cursor)
            cursor = start + len(sentence)
            if anchor in sentence:
                return offset + start, offset + cursor
        offset += len(paragraph) + 1
    return None, None


class Command(BaseCommand):
    help = "Load the demo class (teacher, student1-5, the Mosul quiz, some finished attempts). Idempotent."

    def handle(self, *args, **options):
        demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
        with transaction.atomic():
            spec = demo["teacher"]
            teacher = self.user(spec["username"], staff=True, first_name=spec["first_name"])
            teacher.groups.add(ensure_teachers_group(apps)[0])
            classroom = self.classroom(teacher, demo["classroom"])
            students = self.students(classroom, demo["students"])
            article = self.article(teacher, demo["article"], demo["questions"])
            assignment = self.assignment(classroom, article, demo["assignment"]["title"])
            for username, pattern in demo["finished_attempts"].items():
                if not username.startswith("_"):
                    finish_attempt(assignment, students[username], pattern)
        if options["verbosity"] > 0:
            self.report(demo, classroom)

    def user(self, username: str, *, staff: bool = False, first_name: str = ""):
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": staff, "first_name": first_name}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        return user

    def classroom(self, teacher, spec: dict) -> Classroom:
        classroom = Classroom.objects.filter(join_code=spec["join_code"]).first()
        if classroom is None:
            classroom = classroom_create(teacher=teacher, name=spec["name"])
            classroom.join_code = spec["join_code"]  # fixed, so the README and the tests can name it
            classroom.save(update_fields=["join_code"])
        return classroom

    def students(self, classroom: Classroom, specs: list[dict]) -> dict:
        students = {}
        for spec in specs:
            student = self.user(spec["username"], first_name=spec["display_name"])
            Enrollment.objects.get_or_create(
                classroom=classroom, student=student, defaults={"display_name": spec["display_name"]}
            )
            students[spec["username"]] = student
        return students

    def article(self, teacher, spec: dict, questions: list[dict]) -> Article:
        article = Article.objects.filter(owner=teacher, title=spec["title"]).first()
        if article is None:
            raw_text = (Path(settings.BASE_DIR) / spec["file"]).read_text(encoding="utf-8")
            article = article_create(
                owner=teacher, title=spec["title"], raw_text=raw_text, source_name=spec["source_name"]
            )
        if not article.questions.exists():
            for position, spec_question in enumerate(questions, start=1):
                create_question(article, spec_question, position)
        return article

    def assignment(self, classroom: Classroom, article: Article, title: str) -> Assignment:
        existing = classroom.assignments.filter(article=article).first()
        if existing is not None:
            return existing
        return assignment_create(
            classroom=classroom,
            article=article,
            title=title,
            opens_at=timezone.now() - dt.timedelta(hours=1),
            attempts_allowed=1,
            reveal=Assignment.Reveal.AFTER_EACH,
            show_leaderboard=True,
            questions=list(article.questions.filter(status=Question.Status.APPROVED).order_by("position")),
        )

    def report(self, demo: dict, classroom: Classroom) -> None:
        write = self.stdout.write
        write(
            self.style.WARNING(f"Demo accounts, password '{DEMO_PASSWORD}' (DEMO ONLY, never in production):")
        )
        write(f"  teacher   {demo['teacher']['username']:<10} admin: /admin/")
        for spec in demo["students"]:
            write(f"  student   {spec['username']:<10} shown as {spec['display_name']}")
        write(f"  class     {classroom.name!r}, join code {classroom.join_code}")


def create_question(article: Article, spec: dict, position: int) -> Question:
    start, end = evidence_span(article.text, spec["evidence"])
    question = Question(
        article=article,
        kind=spec["kind"],
        prompt=spec["prompt"],
        answer=spec["answer"],
        accepted_answers=spec.get("accepted", []),
        explanation=spec.get("explanation", ""),
        evidence_start=start,
        evidence_end=end,
        status=Question.Status.APPROVED,
        origin=Question.Origin.AUTHORED,
        position=position,
    )
    question.full_clean()
    question.save()
    for index, text in enumerate(spec.get("choices", [])):
        Choice.objects.create(question=question, text=text, is_correct=text == spec["answer"], position=index)
    return question


def finish_attempt(assignment: Assignment, student, pattern: list[bool]) -> None:
    """A finished attempt answering right where `pattern` says so; skipped if the student has one."""
    if Attempt.objects.filter(assignment=assignment, student=student).exists():
        return
    attempt = attempt_start(assignment=assignment, student=student)
    items = assignment.items.select_related("question").prefetch_related("question__choices")
    for item, right in zip(items, pattern, strict=True):
        question = item.question
        choices = list(question.choices.all())
        if choices:
            pick = next(c for c in choices if c.is_correct == right)
            response_submit(attempt=attempt, student=student, question_id=question.pk, choice_id=pick.pk)
        else:
            answer = question.answer if right else WRONG_SHORT_ANSWER
            response_submit(attempt=attempt, student=student, question_id=question.pk, answer_text=answer)
    attempt_finish(attempt=attempt, student=student)
