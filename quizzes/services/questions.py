"""Teacher edits to questions: corrections regrade what students already answered, in one transaction."""

from collections.abc import Iterable
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from quizzes.board_cache import board_version_bump
from quizzes.models import AssignmentQuestion, Attempt, Choice, Question, Response
from quizzes.services.answers import grade_answer

EDITABLE_FIELDS = {
    "kind",
    "prompt",
    "answer",
    "accepted_answers",
    "explanation",
    "evidence_start",
    "evidence_end",
    "status",
    "position",
}
# Changing any of these on a generated question marks it as the teacher's, so regeneration leaves it alone.
CONTENT_FIELDS = EDITABLE_FIELDS - {"status", "position"}


@transaction.atomic
def question_update(*, question: Question, **fields) -> Question:
    """Apply a teacher's edit, then regrade every response to the question and rescore those attempts."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"question_update() cannot change {', '.join(sorted(unknown))}")
    changed = {name for name, value in fields.items() if getattr(question, name) != value}
    for name, value in fields.items():
        setattr(question, name, value)
    if question.origin == Question.Origin.GENERATED and changed & CONTENT_FIELDS:
        question.edited_by_teacher = True
    question.full_clean()
    question.save()
    question_regrade(question=question)
    return question


@transaction.atomic
def question_save(*, question: Question, changed: Iterable[str]) -> int:
    """Save a question from a teacher's form: `question` carries the new values, `changed` names the fields
    the teacher changed. A new question is saved as written. A change of content goes through
    `question_update`, so answers already given are regraded; a change of status or position only is just
    saved (no grade can change). Returns how many student answers were regraded."""
    if question.pk is None:
        question.full_clean()
        question.save()
        return 0
    names = [name for name in changed if name in EDITABLE_FIELDS]
    if not names:
        return 0
    stored = Question.objects.select_for_update().get(pk=question.pk)
    if not CONTENT_FIELDS.intersection(names):
        for name in names:
            setattr(stored, name, getattr(question, name))
        stored.full_clean()
        stored.save(update_fields=names)
        return 0
    question_update(question=stored, **{name: getattr(question, name) for name in names})
    question.edited_by_teacher = stored.edited_by_teacher  # the admin shows the form's instance afterwards
    return Response.objects.filter(question_id=question.pk).count()


@transaction.atomic
def question_choices_save(*, question: Question, saved: Iterable[Choice], deleted: Iterable[Choice]) -> int:
    """Save a teacher's edit of a question's choices, then regrade what students answered against them.
    Returns how many answers' results changed."""
    for choice in deleted:
        choice.delete()
    # Untick before ticking: the database allows one right choice per question at every moment.
    for choice in sorted(saved, key=lambda each: each.is_correct):
        choice.save()
    if question.origin == Question.Origin.GENERATED:  # regeneration must leave the teacher's version alone
        Question.objects.filter(pk=question.pk).update(edited_by_teacher=True)
        question.edited_by_teacher = True
    return question_regrade(question=question)


@transaction.atomic
def question_regrade(*, question: Question) -> int:
    """Regrade all responses to `question` (e.g. after its choices changed) and recompute the attempts' scores
    and max scores. Returns how many responses changed."""
    attempt_ids = list(Response.objects.filter(question=question).values_list("attempt_id", flat=True))
    if not attempt_ids:
        return 0
    # Lock in a fixed order so a concurrent response_submit waits rather than adding to a stale score.
    list(Attempt.objects.select_for_update().filter(pk__in=attempt_ids).order_by("pk").values_list("pk"))
    points_by_assignment = dict(
        AssignmentQuestion.objects.filter(question=question).values_list("assignment_id", "points")
    )
    changed = []
    for response in Response.objects.filter(question=question).select_related("choice", "attempt"):
        correct = grade_answer(question=question, choice=response.choice, answer_text=response.given_answer)
        points = points_by_assignment.get(response.attempt.assignment_id, 1) if correct else 0
        if (response.is_correct, response.points) != (correct, points):
            response.is_correct, response.points = correct, points
            changed.append(response)
    Response.objects.bulk_update(changed, ["is_correct", "points"])
    attempts_rescore(attempt_ids=attempt_ids)
    return len(changed)


def attempts_rescore(*, attempt_ids: list[int]) -> None:
    """Recompute score and max_score from the responses and the assignment's items, in SQL."""
    score = Response.objects.filter(attempt=OuterRef("pk")).values("attempt").annotate(total=Sum("points"))
    maximum = (
        AssignmentQuestion.objects.filter(assignment=OuterRef("assignment"))
        .values("assignment")
        .annotate(total=Sum("points"))
    )
    zero = Value(0, output_field=IntegerField())
    Attempt.objects.filter(pk__in=attempt_ids).update(
        score=Coalesce(Subquery(score.values("total")), zero),
        max_score=Coalesce(Subquery(maximum.values("total")), zero),
    )
    classroom_ids = set(
        Attempt.objects.filter(pk__in=attempt_ids).values_list("assignment__classroom_id", flat=True)
    )
    for classroom_id in classroom_ids:
        transaction.on_commit(partial(board_version_bump, classroom_id=classroom_id))


@transaction.atomic
def questions_set_status(*, questions: Iterable[Question], status: str) -> int:
    """Approve or reject (or send back to draft) several questions; returns how many changed."""
    if status not in Question.Status.values:
        raise ValidationError(f"Unknown question status: {status}")
    ids = [q.pk for q in questions]
    return Question.objects.filter(pk__in=ids).exclude(status=status).update(status=status)
