"""Starting, answering and finishing attempts."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser
from django.db import transaction

from quizzes.models import Assignment, Attempt, Response


@dataclass(frozen=True)
class SubmitResult:
    response: Response
    created: bool
    attempt: Attempt


@transaction.atomic
def attempt_start(*, assignment: Assignment, student: AbstractUser, now: dt.datetime | None = None) -> Attempt:
    raise NotImplementedError


@transaction.atomic
def response_submit(
    *,
    attempt: Attempt,
    student: AbstractUser,
    question_id: int,
    choice_id: int | None = None,
    answer_text: str = "",
    now: dt.datetime | None = None,
) -> SubmitResult:
    raise NotImplementedError


@transaction.atomic
def attempt_finish(*, attempt: Attempt, student: AbstractUser, now: dt.datetime | None = None) -> Attempt:
    raise NotImplementedError
