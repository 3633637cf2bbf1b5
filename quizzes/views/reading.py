"""Presentation helpers for the quiz pages: the article with its evidence marked, choice order, reveal rules.

Plain functions with no writes; the templates escape every piece of text they get from here.
"""

import datetime as dt
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Max
from django.utils import timezone

from quizzes.models import Assignment, Attempt, Choice, Question, StudentOverride

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Segment:
    text: str
    mark: bool = False
    anchor: bool = False  # the first marked piece carries id="evidence" for the "show me" link


def article_paragraphs(text: str, start: int | None = None, end: int | None = None) -> list[list[Segment]]:
    """Split the article into paragraphs of segments; the [start, end) evidence span becomes marked segments.

    Working on offsets (not by searching for the sentence) keeps the mark on the sentence the question was
    written about, even when the same words appear twice.
    """
    paragraphs: list[list[Segment]] = []
    position = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        if text[position:stop].strip():
            paragraphs.append(_segments(text, position, stop, start, end))
        position = match.end() if match else len(text)
    return _anchor_first_mark(paragraphs)


def _anchor_first_mark(paragraphs: list[list[Segment]]) -> list[list[Segment]]:
    for paragraph in paragraphs:
        for index, segment in enumerate(paragraph):
            if segment.mark:
                paragraph[index] = Segment(segment.text, mark=True, anchor=True)
                return paragraphs
    return paragraphs


def _segments(text: str, para_start: int, para_end: int, start: int | None, end: int | None) -> list[Segment]:
    if start is None or end is None or end <= para_start or start >= para_end:
        return [Segment(text[para_start:para_end])]
    mark_start, mark_end = max(start, para_start), min(end, para_end)
    pieces = [
        Segment(text[para_start:mark_start]),
        Segment(text[mark_start:mark_end], mark=True),
        Segment(text[mark_end:para_end]),
    ]
    return [piece for piece in pieces if piece.text]


def ordered_choices(question: Question, *, attempt_id: int | None, shuffle: bool) -> list[Choice]:
    """The choices in stored order, or shuffled the same way every time for one attempt and question.

    The seed is the attempt and question ids, so a reload or a second tab shows the same order, while another
    attempt (or another student) sees a different one.
    """
    choices = sorted(question.choices.all(), key=lambda choice: (choice.position, choice.id))
    if shuffle:
        choices = [choices[place] for place in _shuffled_places(attempt_id or 0, question.id, len(choices))]
    return choices


@lru_cache(maxsize=4096)
def _shuffled_places(attempt_id: int, question_id: int, count: int) -> tuple[int, ...]:
    """The shuffle as a permutation of places, kept: an answer orders the same choices up to three times,
    and seeding a generator from a string costs more than the rest of the ordering."""
    places = list(range(count))
    random.Random(f"{attempt_id}:{question_id}").shuffle(places)  # noqa: S311 - not security
    return tuple(places)


def choice_for_number(choices: list[Choice], number: int | None) -> Choice | None:
    """The choice shown at 1-based place `number`. Forms send places, not ids: ids follow creation order,
    and a teacher who types the right answer first would otherwise give it away as the smallest id."""
    if number is None or not 1 <= number <= len(choices):
        return None
    return choices[number - 1]


def feedback_after_each(assignment: Assignment) -> bool:
    return assignment.reveal == Assignment.Reveal.AFTER_EACH


def answers_revealed(assignment: Assignment, attempt: Attempt, now: dt.datetime | None = None) -> bool:
    """Whether the results page may show right answers and explanations for this finished attempt."""
    if not attempt.is_finished:
        return False
    if assignment.reveal == Assignment.Reveal.AFTER_CLOSE:
        now = now or timezone.now()
        return (
            assignment.closes_at is not None
            and assignment.closes_at <= now
            and not _extended_past(assignment, now)
        )
    return True


def _extended_past(assignment: Assignment, now: dt.datetime) -> bool:
    """Whether any student's extension still runs: their classmates' answers must stay hidden until then.

    One aggregate query whatever the number of overrides; a null closes_at is only extra attempts.
    """
    latest = StudentOverride.objects.filter(assignment=assignment).aggregate(latest=Max("closes_at"))[
        "latest"
    ]
    return latest is not None and latest > now


def correct_choice(choices: Iterable[Choice]) -> Choice | None:
    return next((choice for choice in choices if choice.is_correct), None)


def right_answer_text(question: Question, choices: Iterable[Choice]) -> str:
    """The answer a student is told (Question.graded_answer), from the question's loaded choices."""
    right = correct_choice(choices)
    return question.graded_answer(right.text if right else None)


# The answer as a whole word or number: not the "12" of "2012" or the "100" of "1,100".
WHOLE = r"(?<!\w)(?<!\d[.,]){}(?!\w)(?![.,]\d)"


def evidence_quote(text: str, question: Question, right_answer: str) -> tuple[str, str, str] | None:
    """The question's evidence sentence as (before, the answer, after), to quote under a missed question;
    ("sentence", "", "") when the answer is not a phrase of it, None when there is no sentence to quote."""
    start, end = question.evidence_start, question.evidence_end
    if start is None or end is None or not 0 <= start < end <= len(text) or not text[start:end].strip():
        return None  # offsets are editable in the admin: a sentence that is not there is not quoted
    sentence = text[start:end]
    found = None
    if right_answer and question.kind != Question.Kind.TRUE_FALSE:  # "True" is no phrase in the text
        found = re.search(WHOLE.format(re.escape(right_answer)), sentence, re.IGNORECASE)
    if found is None:
        return sentence, "", ""
    return sentence[: found.start()], found.group(), sentence[found.end() :]
