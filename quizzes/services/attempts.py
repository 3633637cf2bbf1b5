"""Starting, answering and finishing attempts.

The attempt row is locked (`SELECT … FOR UPDATE`, services/answer_sql.py) before an answer or a finish is
written and its state re-checked, so a double click, two tabs or two app servers cannot record two answers
to one question or count a score twice; starting relies on the one-open-attempt constraint instead.
An attempt is finished only when the student presses Finish or the assignment closes: answering the last
question does not finish it (a student may still be reading); results pages can be shown either way.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from quizzes.board_cache import board_version_bump
from quizzes.models import (
    Assignment,
    AssignmentQuestion,
    Attempt,
    Choice,
    Question,
    Response,
    assignment_phase,
)
from quizzes.selectors.student import attempt_deadline
from quizzes.services import answer_sql, messages
from quizzes.services.answers import graded_answer
from quizzes.services.assignments import assignments_close_due


@dataclass(frozen=True)
class SubmitResult:
    response: Response
    created: bool
    attempt: Attempt


@transaction.atomic
def attempt_start(*, assignment: Assignment, student: User, now: dt.datetime | None = None) -> Attempt:
    """Resume the student's open attempt, or start the next one if attempts remain."""
    now = now or timezone.now()
    facts = answer_sql.start_facts(
        assignment_id=assignment.pk, classroom_id=assignment.classroom_id, student_id=student.pk
    )
    if not facts.enrolled:
        raise ValidationError(messages.NOT_ENROLLED)
    deadline = facts.personal_closes_at or assignment.closes_at
    phase = assignment_phase(opens_at=assignment.opens_at, closes_at=deadline, now=now)
    if phase == "upcoming":
        raise ValidationError(messages.NOT_OPEN_YET)
    if phase == "closed":
        assignments_close_due(now=now, assignment=assignment)
        raise ValidationError(messages.CLOSED)
    mine = Attempt.objects.filter(assignment=assignment, student=student)
    if facts.open_attempt_id is not None:
        return mine.get(pk=facts.open_attempt_id)
    if facts.attempts_used >= assignment.attempts_allowed + facts.extra_attempts:
        raise ValidationError(messages.NO_ATTEMPTS_LEFT)
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                assignment=assignment,
                student=student,
                number=facts.attempts_used + 1,
                started_at=now,
                max_score=facts.max_score,
            )
    except IntegrityError:  # started in another tab a moment ago: resume that one
        return mine.get(finished_at__isnull=True)


def _finish_at(attempt: Attempt, when: dt.datetime) -> None:
    """Finish the attempt and move its class board's version in the same transaction.

    Only finishing changes a board (boards rank finished attempts), so answers never touch the version.
    """
    Attempt.objects.filter(pk=attempt.pk).update(finished_at=when)
    attempt.finished_at = when
    board_version_bump(classroom_id=attempt.assignment.classroom_id)


def _item(attempt: Attempt, question_id) -> AssignmentQuestion:
    try:
        question_id = int(question_id)
    except (TypeError, ValueError):
        raise Http404("No such question in this quiz") from None
    item = (
        AssignmentQuestion.objects.select_related("question")
        .filter(assignment_id=attempt.assignment_id, question_id=question_id)
        .first()
    )
    if item is None:
        raise Http404("No such question in this quiz")
    return item


def _graded(item: AssignmentQuestion, choice_id, answer_text: str) -> tuple[Choice | None, str, bool]:
    """graded_answer, using the question's choices when the caller already loaded them (no query)."""
    prefetched = getattr(item.question, "_prefetched_objects_cache", {}).get("choices")
    if prefetched is None or item.question.kind == Question.Kind.SHORT_ANSWER or choice_id in (None, ""):
        return graded_answer(item.question, choice_id, answer_text)
    try:
        choice = next((c for c in prefetched if c.pk == int(choice_id)), None)
    except (TypeError, ValueError):
        choice = None
    if choice is None:
        raise ValidationError(messages.CHOICE_NOT_IN_QUESTION)
    return choice, choice.text, choice.is_correct


@dataclass(frozen=True)
class _Prepared:
    """Everything checked before the write lock: the item and the graded answer, or the refusal to raise."""

    item: AssignmentQuestion | None
    graded: tuple[Choice | None, str, bool] | None
    refusal: Exception | None


def _prepare(attempt: Attempt, question_id, item, choice_id, answer_text: str) -> _Prepared:
    try:
        if item is None or item.question_id != int(question_id):
            item = _item(attempt, question_id)
        return _Prepared(item, _graded(item, choice_id, answer_text), None)
    except (Http404, ValidationError, TypeError, ValueError) as refusal:
        if isinstance(refusal, TypeError | ValueError):
            refusal = Http404("No such question in this quiz")
        return _Prepared(item, None, refusal)


def response_submit(
    *,
    attempt: Attempt,
    student: User,
    question_id: int,
    choice_id: int | None = None,
    answer_text: str = "",
    now: dt.datetime | None = None,
    item: AssignmentQuestion | None = None,
) -> SubmitResult:
    """Record the student's first answer to a question; a repeat returns the first with created=False.

    Refusals: PermissionDenied (not their attempt), Http404 (question not in the quiz), ValidationError with
    ALREADY_FINISHED, CLOSED (the attempt is then finished), CHOICE_NOT_IN_QUESTION, ANSWER_REQUIRED or
    ANSWER_TOO_LONG. Nothing is written on any refusal except finishing a closed attempt.

    `item` (with question and prefetched choices), when the caller has it, saves reading it again. The
    question is found and the answer graded before the write lock, so the locked part is short: lock, check,
    insert, add the points. Refusals keep their order (finished, closed, already answered, then the rest).
    """
    now = now or timezone.now()
    prepared = _prepare(attempt, question_id, item, choice_id, answer_text)
    response = _unsaved_response(attempt, prepared, now)
    deadline = attempt_deadline(attempt)
    with transaction.atomic():
        _owner, finished, score = _lock_own_attempt(attempt, student)
        if finished:
            # Finished by the closing time itself (a page read closes due attempts): say it closed.
            closed = deadline is not None and now >= deadline
            raise ValidationError(messages.CLOSED if closed else messages.ALREADY_FINISHED)
        if deadline is None or now < deadline:
            return _record(attempt, score, prepared, response)
        _finish_at(attempt, deadline)
    # Raised after the block so that finishing the closed attempt is committed, not rolled back.
    raise ValidationError(messages.CLOSED)


def _lock_own_attempt(attempt: Attempt, student: User) -> tuple[int | None, bool, int]:
    """Lock the attempt row and read its owner, whether it is finished and its score as they are now."""
    locked = answer_sql.lock_attempt(attempt.pk)
    if locked is None or locked[0] != student.pk:
        raise PermissionDenied
    return locked


def _unsaved_response(attempt: Attempt, prepared: _Prepared, now: dt.datetime) -> Response | None:
    """The row to insert, built before the lock (None when the answer is refused)."""
    if prepared.item is None or prepared.graded is None:
        return None
    choice, given, correct = prepared.graded
    return Response(
        attempt=attempt,
        question=prepared.item.question,
        choice=choice,
        given_answer=given,
        is_correct=correct,
        points=prepared.item.points if correct else 0,
        answered_at=now,
    )


def _record(attempt: Attempt, score: int, prepared: _Prepared, response: Response | None) -> SubmitResult:
    if prepared.item is None:
        raise _refusal(prepared)
    # The attempt row is locked, so no one else can be answering this question right now; the unique
    # constraint still has the last word (insert_response writes nothing if an answer is there).
    if response is not None and answer_sql.insert_response(response):
        if response.points:
            answer_sql.add_points(attempt.pk, response.points)
        attempt.score = score + response.points  # read under the lock, so this is the score just committed
        return SubmitResult(response=response, created=True, attempt=attempt)
    if response is not None or answer_sql.is_answered(attempt.pk, prepared.item.question_id):
        # Answered before: the first answer stands, even if this one would have been refused.
        existing = Response.objects.select_related("choice").get(
            attempt_id=attempt.pk, question_id=prepared.item.question_id
        )
        return SubmitResult(response=existing, created=False, attempt=attempt)
    raise _refusal(prepared)


def _refusal(prepared: _Prepared) -> Exception:
    # _prepare sets one whenever it leaves out the item or the grading; the fallback is for type checkers.
    return prepared.refusal or Http404("No such question in this quiz")


@transaction.atomic
def attempt_finish(*, attempt: Attempt, student: User, now: dt.datetime | None = None) -> Attempt:
    """Finish the attempt; finishing twice changes nothing. After the deadline the closing time is kept."""
    now = now or timezone.now()
    # As for an answer: the closing time comes with the attempt the view just read, not re-read here.
    deadline = attempt_deadline(attempt)
    _owner, finished, attempt.score = _lock_own_attempt(attempt, student)
    if finished:
        attempt.refresh_from_db(fields=["finished_at"])
        return attempt
    _finish_at(attempt, deadline if deadline is not None and now >= deadline else now)
    return attempt
