"""A small quiz set up for the view tests: a class, an enrolled student, an assignment of three questions."""

from dataclasses import dataclass

from django.test import Client

from quizzes.models import Assignment, AssignmentQuestion, Question
from tests.factories import (
    ARTICLE_TEXT,
    AssignmentFactory,
    EnrollmentFactory,
    QuestionFactory,
    UserFactory,
    multiple_choice_question,
)

HTMX = {"HX-Request": "true"}
EVIDENCE = "They have been forced to retreat by the counter-offensive launched by 100,000 forces."


@dataclass
class Quiz:
    assignment: Assignment
    student: object
    client: Client
    mc: Question
    tf: Question
    short: Question

    @property
    def questions(self) -> list[Question]:
        return [self.mc, self.tf, self.short]


def make_quiz(*, reveal=Assignment.Reveal.AFTER_EACH, shuffle=True, **assignment_kw) -> Quiz:
    assignment = AssignmentFactory(reveal=reveal, shuffle_choices=shuffle, **assignment_kw)
    article = assignment.article
    start = ARTICLE_TEXT.index(EVIDENCE)
    mc = multiple_choice_question(
        article=article, prompt="Where did the forces enter?", explanation="The first sentence says Mosul."
    )
    tf = multiple_choice_question(
        article=article,
        answer="True",
        wrong=("False",),
        prompt="The forces were forced to retreat.",
        evidence_start=start,
        evidence_end=start + len(EVIDENCE),
    )
    Question.objects.filter(pk=tf.pk).update(kind=Question.Kind.TRUE_FALSE)
    tf.refresh_from_db()
    short = QuestionFactory(article=article, prompt="How many forces launched it?", answer="100,000")
    for position, question in enumerate([mc, tf, short]):
        AssignmentQuestion.objects.create(assignment=assignment, question=question, position=position)
    student = UserFactory()
    EnrollmentFactory(classroom=assignment.classroom, student=student, display_name="Ada")
    client = Client()
    client.force_login(student)
    return Quiz(assignment=assignment, student=student, client=client, mc=mc, tf=tf, short=short)


def start(quiz: Quiz):
    """Start the attempt through the page, as a student would; returns the attempt."""
    from quizzes.models import Attempt

    quiz.client.post(f"/assignment/{quiz.assignment.pk}/start/")
    return Attempt.objects.get(assignment=quiz.assignment, student=quiz.student, finished_at__isnull=True)


def choice_number(question: Question, text: str, html: str) -> int:
    """The 1-based place of the choice labelled `text` in the rendered panel (the value the form sends)."""
    import re

    for value, label in re.findall(
        r'value="(\d+)" required>\s*<label for="choice-\d+">([^<]*)</label>', html
    ):
        if label == text:
            return int(value)
    raise AssertionError(f"choice {text!r} not in panel")


def right_text(question: Question) -> str:
    return next(choice.text for choice in question.choices.all() if choice.is_correct)
