"""Teacher edits to questions: corrections regrade what students already answered."""

from collections.abc import Iterable

from django.db import transaction

from quizzes.models import Question


@transaction.atomic
def question_update(*, question: Question, **fields) -> Question:
    raise NotImplementedError


@transaction.atomic
def questions_set_status(*, questions: Iterable[Question], status: str) -> int:
    raise NotImplementedError
