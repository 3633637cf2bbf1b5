"""`manage.py load_demo`: the demo class from data/demo/demo.json and review.json, safe to run again.

A teacher, five students (password "demo": DEMO ONLY), the Mosul article cleaned by `article_create`, its
questions made by the real generator and reviewed as data/demo/review.json records (approved, corrected or
rejected), an open assignment, and finished attempts for the students demo.json lists, made through the same
services a student's browser uses. Running it twice changes nothing the second time.

If the generator changes, drafts the review does not know stay drafts and are named in a warning: review
them in data/demo/review.json (tests/test_demo.py fails until then).
"""

import datetime as dt
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import Article
from articles.services import article_create
from quizzes.management.demo_review import ReviewOutcome, load_review, review_apply
from quizzes.models import Assignment, Attempt, Classroom, Enrollment, Question
from quizzes.roles import ensure_teachers_group
from quizzes.services import (
    assignment_create,
    attempt_finish,
    attempt_start,
    classroom_create,
    questions_generate,
    response_submit,
)

DEMO_FILE = Path(settings.BASE_DIR) / "data" / "demo" / "demo.json"
# The documented, printed password of the demo accounts; demo data only.
DEMO_PASSWORD = "demo"  # noqa: S105 # nosec B105
WRONG_SHORT_ANSWER = "I am not sure"
MIN_APPROVED = 8
TOO_FEW_APPROVED = (
    "The demo quiz needs at least {minimum} approved questions of all three kinds; the review approves "
    "{count} ({kinds}). Review the generator's drafts in data/demo/review.json."
)


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
            article = self.article(teacher, demo["article"])
            assignment = self.assignment(classroom, article, demo["assignment"]["title"])
            for username, wrong in demo["finished_attempts"].items():
                if not username.startswith("_"):
                    finish_attempt(assignment, students[username], set(wrong))
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

    def article(self, teacher, spec: dict) -> Article:
        article = Article.objects.filter(owner=teacher, title=spec["title"]).first()
        if article is None:
            raw_text = (Path(settings.BASE_DIR) / spec["file"]).read_text(encoding="utf-8")
            article = article_create(
                owner=teacher, title=spec["title"], raw_text=raw_text, source_name=spec["source_name"]
            )
        if not article.questions.exists():
            self.generate_reviewed(article)
        return article

    def generate_reviewed(self, article: Article) -> None:
        """The teacher's afternoon: generate drafts, then approve, correct and reject them as recorded."""
        review = load_review()
        questions_generate(article=article, limit=review["limit"])
        self.warn_unreviewed(review_apply(article=article, review=review))
        kinds = list(article.questions.filter(status=Question.Status.APPROVED).values_list("kind", flat=True))
        if len(kinds) < MIN_APPROVED or set(kinds) != set(Question.Kind.values):
            found = ", ".join(sorted(set(kinds))) or "none"
            raise CommandError(TOO_FEW_APPROVED.format(minimum=MIN_APPROVED, count=len(kinds), kinds=found))

    def warn_unreviewed(self, outcome: ReviewOutcome) -> None:
        for question in outcome.unreviewed:
            self.stderr.write(
                self.style.WARNING(
                    f"Not in data/demo/review.json, left as a draft: {question.prompt!r} "
                    f"(answer {question.answer!r}, {question.kind})"
                )
            )
        for entry in outcome.stale:
            self.stderr.write(
                self.style.WARNING(
                    f"data/demo/review.json names a draft the generator no longer makes: "
                    f"{entry['prompt']!r} (answer {entry['answer']!r})"
                )
            )

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


def finish_attempt(assignment: Assignment, student, wrong: set[int]) -> None:
    """A finished attempt answering wrong the questions numbered in `wrong` (from 1), the rest right; skipped
    if the student has one."""
    if Attempt.objects.filter(assignment=assignment, student=student).exists():
        return
    attempt = attempt_start(assignment=assignment, student=student)
    items = assignment.items.select_related("question").prefetch_related("question__choices")
    for number, item in enumerate(items, start=1):
        question, right = item.question, number not in wrong
        choices = list(question.choices.all())
        if choices:
            pick = next(c for c in choices if c.is_correct == right)
            response_submit(attempt=attempt, student=student, question_id=question.pk, choice_id=pick.pk)
        else:
            answer = question.answer if right else WRONG_SHORT_ANSWER
            response_submit(attempt=attempt, student=student, question_id=question.pk, answer_text=answer)
    attempt_finish(attempt=attempt, student=student)
