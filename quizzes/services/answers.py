"""Checking and grading one submitted answer against its question (validation messages included)."""

from django.core.exceptions import ValidationError

from quizzes.grading import short_answer_correct
from quizzes.models import Choice, Question
from quizzes.services import messages


def grade_answer(*, question: Question, choice: Choice | None, answer_text: str) -> bool:
    if question.kind == Question.Kind.SHORT_ANSWER:
        return short_answer_correct(
            given=answer_text, answer=question.answer, accepted=question.accepted_answers
        )
    return bool(choice and choice.is_correct)


def graded_answer(question: Question, choice_id, answer_text: str) -> tuple[Choice | None, str, bool]:
    """Validate a submitted answer and grade it: (chosen choice, answer as stored, correct?)."""
    if question.kind == Question.Kind.SHORT_ANSWER:
        text = " ".join((answer_text or "").replace("\x00", "").split())
        if len(text) > messages.ANSWER_MAX_LENGTH:
            raise ValidationError(messages.ANSWER_TOO_LONG)
        if not text:
            raise ValidationError(messages.ANSWER_REQUIRED)
        return None, text, grade_answer(question=question, choice=None, answer_text=text)
    if choice_id in (None, ""):
        raise ValidationError(messages.ANSWER_REQUIRED)
    try:
        choice = Choice.objects.filter(pk=int(choice_id), question=question).first()
    except (TypeError, ValueError):
        choice = None
    if choice is None:
        raise ValidationError(messages.CHOICE_NOT_IN_QUESTION)
    return choice, choice.text, choice.is_correct
