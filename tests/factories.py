"""factory-boy factories; SubFactory keeps an assignment, its classroom, article and questions agreeing."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Article
from quizzes.models import (
    Assignment,
    AssignmentQuestion,
    Attempt,
    Choice,
    Classroom,
    Enrollment,
    Question,
    Response,
)

ARTICLE_TEXT = (
    "Iraqi forces have entered the city of Mosul for the first time in two years. "
    "The city, which still has a population of 1.5 million, was where Abu Bakr al-Baghdadi first "
    "announced the creation of an Islamic caliphate in 2014.\n\n"
    "They have been forced to retreat by the counter-offensive launched by 100,000 forces."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Pupil{n}")
    password = factory.PostGenerationMethodCall("set_password", "pw")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805 - factory-boy hook signature
        if create:
            obj.save()


class TeacherFactory(UserFactory):
    username = factory.Sequence(lambda n: f"teacher{n}")
    is_staff = True


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    owner = factory.SubFactory(TeacherFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    raw_text = ARTICLE_TEXT
    text = ARTICLE_TEXT
    word_count = factory.LazyAttribute(lambda a: len(a.text.split()))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    article = factory.SubFactory(ArticleFactory)
    kind = Question.Kind.SHORT_ANSWER
    prompt = factory.Sequence(lambda n: f"Question number {n}?")
    answer = "Mosul"
    status = Question.Status.APPROVED
    position = factory.Sequence(lambda n: n)


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, kind=Question.Kind.MULTIPLE_CHOICE)
    text = factory.Sequence(lambda n: f"Option {n}")
    position = factory.Sequence(lambda n: n)


def multiple_choice_question(*, article=None, answer="Mosul", wrong=("Baghdad", "Basra", "Erbil"), **kw):
    """A multiple-choice question with its choices, the right one first in position order."""
    extra = {"article": article} if article is not None else {}
    question = QuestionFactory(kind=Question.Kind.MULTIPLE_CHOICE, answer=answer, **extra, **kw)
    ChoiceFactory(question=question, text=answer, is_correct=True, position=0)
    for i, text in enumerate(wrong, start=1):
        ChoiceFactory(question=question, text=text, position=i)
    return question


def question_lacking_choices(*, choices=(), right=None, **kw):
    """Old data: a multiple-choice question saved before saving required two choices, one ticked. It has
    `choices` (none by default), `right` among them ticked if given."""
    question = QuestionFactory(kind=Question.Kind.MULTIPLE_CHOICE, **kw)
    for position, text in enumerate(choices):
        ChoiceFactory(question=question, text=text, is_correct=text == right, position=position)
    return question


class ClassroomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Classroom

    teacher = factory.SubFactory(TeacherFactory)
    name = factory.Sequence(lambda n: f"Class {n}")
    join_code = factory.Sequence(lambda n: f"JOIN{n:04d}")


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    classroom = factory.SubFactory(ClassroomFactory)
    student = factory.SubFactory(UserFactory)
    display_name = factory.LazyAttribute(lambda e: e.student.first_name or e.student.username)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    classroom = factory.SubFactory(ClassroomFactory)
    article = factory.SubFactory(ArticleFactory, owner=factory.SelfAttribute("..classroom.teacher"))
    title = factory.LazyAttribute(lambda a: a.article.title)
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))
    closes_at = None


class AssignmentQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssignmentQuestion

    assignment = factory.SubFactory(AssignmentFactory)
    question = factory.SubFactory(QuestionFactory, article=factory.SelfAttribute("..assignment.article"))
    position = factory.Sequence(lambda n: n + 1)  # numbered from 1, as assignments number them


class AttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attempt

    assignment = factory.SubFactory(AssignmentFactory)
    student = factory.SubFactory(UserFactory)
    number = 1


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    attempt = factory.SubFactory(AttemptFactory)
    question = factory.SubFactory(QuestionFactory)


def finished_attempt(assignment, student, *, score, max_score=4, minutes=5, number=1, started_at=None):
    """A finished attempt that took `minutes`, started an hour ago unless `started_at` says otherwise."""
    started_at = started_at or timezone.now() - dt.timedelta(hours=1)
    return AttemptFactory(
        assignment=assignment,
        student=student,
        number=number,
        score=score,
        max_score=max_score,
        started_at=started_at,
        finished_at=started_at + dt.timedelta(minutes=minutes),
    )
