"""The rule that keeps a question's answer and its ticked choice in agreement.

A question with choices is graded by which choice is ticked as right; its answer is what the teacher's
pages show. If the two could differ, students would be told "The answer is March" while the teacher read
June. So the answer follows the ticked choice: a teacher changes the right answer by ticking another choice
(or editing the ticked one's text), and an answer typed to name something else is refused, not guessed at.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet

from quizzes.grading import normalise
from quizzes.models import Question
from quizzes.services import messages

KINDS_WITH_CHOICES = frozenset({Question.Kind.MULTIPLE_CHOICE, Question.Kind.TRUE_FALSE})


def same_answer(first: str, second: str) -> bool:
    """Whether two spellings name the same answer ("march" and "March"), as grading would read them."""
    if " ".join(first.split()) == " ".join(second.split()):
        return True
    return bool(normalise(first)) and normalise(first) == normalise(second)


def repeated_choice(texts: list[str]) -> str | None:
    """The first choice that names the same answer as an earlier one ("March" and "march "), if any."""
    for number, text in enumerate(texts):
        if any(same_answer(text, earlier) for earlier in texts[:number]):
            return text
    return None


def answer_for_choices(
    *,
    kind: str,
    answer: str,
    choices: Iterable[tuple[str, bool]],
    answer_typed: bool,
    choices_edited: bool = True,
) -> str:
    """The answer a question must store, given its choices as (text, ticked as right): the ticked choice's
    text. A short answer keeps `answer`. Raises ValidationError when several choices are ticked (even on a
    short answer, which keeps its choices), when a question with choices has fewer than two, when none is
    ticked, when two choices name the same answer (only where the choices or the kind are being edited:
    `choices_edited`; older questions may have such twins, and approving one must not depend on fixing
    them), or when the teacher typed an answer (`answer_typed`) naming another."""
    listed = list(choices)
    right = [text for text, ticked in listed if ticked]
    if len(right) > 1:  # whatever the kind: the database keeps one right choice per question
        raise ValidationError(messages.ONE_RIGHT_CHOICE)
    if kind not in KINDS_WITH_CHOICES:
        return answer
    if len(listed) < 2:  # no choice, or only one, leaves a student nothing to choose between
        raise ValidationError(messages.CHOICES_TOO_FEW)
    if not right:
        raise ValidationError(messages.RIGHT_CHOICE_REQUIRED)
    twin = repeated_choice([text for text, _ in listed]) if choices_edited else None
    if twin is not None:  # a student who picks the unticked twin of the right answer would be marked wrong
        raise ValidationError(messages.CHOICES_THE_SAME.format(choice=twin))
    if answer_typed and not same_answer(answer, right[0]):
        raise ValidationError(messages.ANSWER_NOT_RIGHT_CHOICE.format(answer=answer, choice=right[0]))
    return right[0]


def lacking_choices(questions: QuerySet[Question]) -> QuerySet[Question]:
    """Those of `questions` that students could not answer sensibly: a kind with choices, but fewer than two
    of them or none ticked. Saving refuses such a question (answer_for_choices); ones saved before that rule
    can still be in the database, so approving and assigning look for them."""
    return (
        questions.filter(kind__in=KINDS_WITH_CHOICES)
        .annotate(
            choice_total=Count("choices"), right_total=Count("choices", filter=Q(choices__is_correct=True))
        )
        .filter(Q(choice_total__lt=2) | Q(right_total=0))
        .order_by("article_id", "position", "id")
    )


def named(items: Iterable[object]) -> str:
    """“First prompt”, “Second prompt”: questions (or answers) quoted as a teacher finds them in the list."""
    return ", ".join(f"“{item}”" for item in items)
