"""Assigning an article's approved questions to a class, overrides, and closing due assignments."""

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db import transaction

from articles.models import Article
from quizzes.models import Assignment, Classroom, Question, StudentOverride


@transaction.atomic
def assignment_create(
    *,
    classroom: Classroom,
    article: Article,
    opens_at: dt.datetime,
    closes_at: dt.datetime | None = None,
    title: str = "",
    attempts_allowed: int = 1,
    reveal: str = Assignment.Reveal.AFTER_EACH,
    shuffle_choices: bool = True,
    show_leaderboard: bool = True,
    questions: list[Question] | None = None,
) -> Assignment:
    raise NotImplementedError


@transaction.atomic
def override_grant(
    *, assignment: Assignment, student: AbstractUser, closes_at: dt.datetime | None = None, extra_attempts: int = 0
) -> StudentOverride:
    raise NotImplementedError


def assignments_close_due(*, now: dt.datetime | None = None, assignment: Assignment | None = None) -> int:
    raise NotImplementedError
