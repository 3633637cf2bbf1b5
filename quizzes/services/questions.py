"""Teacher edits to questions: corrections regrade what students already answered, in one transaction."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from quizzes.board_cache import board_version_bump
from quizzes.models import AssignmentQuestion, Attempt, Choice, Question, Response
from quizzes.services import messages
from quizzes.services.answers import grade_answer
from quizzes.services.right_choice import (
    KINDS_WITH_CHOICES,
    answer_for_choices,
    lacking_choices,
    named,
    same_answer,
)

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
# What grading reads: only a change to one of these (or to which choices exist and which is right) can change
# a result, so only then are the answers already given regraded.
GRADING_FIELDS = {"kind", "answer", "accepted_answers"}


@dataclass(frozen=True)
class QuestionSaved:
    question: Question
    regraded: int = 0  # student answers regraded: none unless something grading reads changed
    results_changed: int = 0  # of those, how many went from right to wrong or back
    answer_from_choice: bool = False  # the answer was set to the ticked choice's text, not as given
    accepted_dropped: tuple[str, ...] = ()  # accepted answers removed with the old right answer


def _final_choices(stored: Question, saved: list[Choice], deleted: list[Choice]) -> list[Choice]:
    """The question's choices as they will be once `saved` and `deleted` are written."""
    gone = {choice.pk for choice in deleted}
    edited = {choice.pk: choice for choice in saved if choice.pk}
    kept = list(stored.choices.order_by("position", "id")) if stored.pk else []
    kept = [edited.get(choice.pk, choice) for choice in kept if choice.pk not in gone]
    return kept + [choice for choice in saved if not choice.pk]


def _right_choice_id(question: Question) -> int | None:
    if question.pk is None:
        return None
    return question.choices.filter(is_correct=True).values_list("pk", flat=True).first()


def _follow_right_choice(
    stored: Question,
    final: list[Choice],
    *,
    answer_before: str,
    right_before: int | None,
    names: set[str],
    choices_edited: bool,
) -> tuple[bool, list[str]]:
    """Make the answer the ticked choice's text (see right_choice); returns whether that changed what was
    given, and the accepted answers dropped. Accepted answers are other spellings of the answer, which a
    teacher never types for a question with choices: once the tick moves to another choice they belong to
    the old one, and would grade a student's "Peshmerga" right for "Isis" if the question became a short
    answer. So they go, unless the teacher wrote accepted answers in this same save. Rewording the ticked
    choice itself ("Isis" to "Islamic State") keeps them: it names the same thing."""
    answer = answer_for_choices(
        kind=stored.kind,
        answer=stored.answer,
        choices=[(choice.text, choice.is_correct) for choice in final],
        answer_typed="answer" in names,
        choices_edited=choices_edited,
    )
    followed = answer != stored.answer
    if followed:
        stored.answer = answer
        names.add("answer")
    ticked = next((choice for choice in final if choice.is_correct), None)
    moved = ticked is not None and (ticked.pk is None or ticked.pk != right_before)
    keep = stored.kind not in KINDS_WITH_CHOICES or "accepted_answers" in names or not moved
    if keep or not stored.accepted_answers or same_answer(answer_before, answer):
        return followed, []
    dropped, stored.accepted_answers = list(stored.accepted_answers), []
    names.add("accepted_answers")
    return followed, dropped


def _choices_write(question: Question, saved: list[Choice], deleted: list[Choice]) -> None:
    for choice in deleted:
        choice.delete()
    # Untick before ticking: the database allows one right choice per question at every moment.
    for choice in sorted(saved, key=lambda each: each.is_correct):
        choice.question = question
        choice.full_clean(exclude=["question"], validate_unique=False, validate_constraints=False)
        choice.save()


@transaction.atomic
def question_edit(
    *,
    question: Question,
    changed: Iterable[str] = (),
    choices: Iterable[Choice] = (),
    deleted_choices: Iterable[Choice] = (),
) -> QuestionSaved:
    """Save a teacher's question and its choices together: `question` carries the new values, `changed`
    names the fields the teacher changed, `choices` the new or edited choices, `deleted_choices` those
    removed. For a question with choices the answer becomes the ticked choice's text (see right_choice).
    Answers already given are regraded, and the attempts rescored, only when something grading reads
    changed: the kind, the answer, the accepted answers, which choice is right, or a removed choice."""
    saved, deleted = list(choices), list(deleted_choices)
    stored = question if question.pk is None else Question.objects.select_for_update().get(pk=question.pk)
    answer_before = stored.answer
    if question.pk is None:
        names = set(EDITABLE_FIELDS)
    else:
        names = {n for n in changed if n in EDITABLE_FIELDS and getattr(stored, n) != getattr(question, n)}
        for name in names:
            setattr(stored, name, getattr(question, name))
    right_before = _right_choice_id(stored)
    final = _final_choices(stored, saved, deleted)
    followed, dropped = _follow_right_choice(
        stored,
        final,
        answer_before=answer_before,
        right_before=right_before,
        names=names,
        choices_edited=bool(saved or deleted) or "kind" in names,
    )
    is_new = stored.pk is None
    edited = bool(names & CONTENT_FIELDS or saved or deleted)
    if not is_new and stored.origin == Question.Origin.GENERATED and edited:
        stored.edited_by_teacher = True  # regeneration must leave the teacher's version alone
    stored.full_clean()
    stored.save()
    _choices_write(stored, saved, deleted)
    question.answer, question.accepted_answers = stored.answer, stored.accepted_answers
    question.edited_by_teacher = stored.edited_by_teacher
    said = partial(QuestionSaved, stored, answer_from_choice=followed, accepted_dropped=tuple(dropped))
    if is_new:
        return said()
    grading = bool(names & GRADING_FIELDS) or bool(deleted) or _right_choice_id(stored) != right_before
    if not grading:
        return said()
    results_changed = question_regrade(question=stored)
    regraded = Response.objects.filter(question_id=stored.pk).count()
    return said(regraded=regraded, results_changed=results_changed)


def question_update(*, question: Question, **fields) -> Question:
    """Apply a teacher's edit given as field values (the demo review, scripts); see `question_edit`."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"question_update() cannot change {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(question, name, value)
    question_edit(question=question, changed=fields)
    return question


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
    """Approve or reject (or send back to draft) several questions; returns how many changed. Approving
    changes none, naming the culprits, if any of them lacks the choices students need to answer it."""
    if status not in Question.Status.values:
        raise ValidationError(f"Unknown question status: {status}")
    changing = Question.objects.filter(pk__in=[q.pk for q in questions]).exclude(status=status)
    if status == Question.Status.APPROVED:
        # Saved before choices were required: approving would put them in front of students as they are.
        lacking = lacking_choices(changing)
        if lacking:
            raise ValidationError(messages.QUESTIONS_LACK_CHOICES_TO_APPROVE.format(questions=named(lacking)))
    return changing.update(status=status)
