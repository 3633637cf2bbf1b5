"""An assignment's items (questions and choices, in order), kept in each web process under the content token.

Every answer and every "next question" needs them, and loading them through the ORM was the largest part of
an answer's cost; they change only when a teacher edits. Every write to questions, choices or assignment
items changes `ContentVersion.token` through database triggers (quizzes/content_triggers.py), and the
token is read with the attempt on every request, so an edit reaches every process on every server at its
next request: this is not a cache that an invalidation can miss. An empty token (no row, or a database
without the triggers) means "do not keep".

The instances are shared between requests and threads: callers must treat them as read-only.
"""

from quizzes.kept import Kept
from quizzes.models import AssignmentQuestion, Question

KEPT_ASSIGNMENTS = 256  # a few hundred open quizzes at most per school; each is a few kilobytes


def nothing_to_pick(question: Question) -> bool:
    """A question with choices but none to pick, assigned before saving required two: no student can answer
    it, so the quiz passes over it rather than stopping there. Reads the prefetched choices."""
    return question.kind != Question.Kind.SHORT_ANSWER and not question.choices.all()


class AssignmentItems(list):
    """The items in order, with the lookups every answer makes: question by id, choice by id, and the
    questions that cannot be answered (see `nothing_to_pick`)."""

    def __init__(self, items: list[AssignmentQuestion]):
        super().__init__(items)
        self.questions = {item.question_id: item.question for item in items}
        self.choices = {choice.pk: choice for item in items for choice in item.question.choices.all()}
        self.unanswerable = frozenset(item.question_id for item in items if nothing_to_pick(item.question))


_kept: Kept[AssignmentItems] = Kept(KEPT_ASSIGNMENTS)


def assignment_items(assignment_id: int, token: str | None) -> AssignmentItems:
    """Items in order, each with its question and the question's choices prefetched."""
    if not token:
        return _load(assignment_id)
    return _kept.get_or_make((assignment_id, token), lambda: _load(assignment_id))


def _load(assignment_id: int) -> AssignmentItems:
    return AssignmentItems(
        list(
            AssignmentQuestion.objects.filter(assignment_id=assignment_id)
            .select_related("question")
            .prefetch_related("question__choices")
            .order_by("position")
        )
    )
