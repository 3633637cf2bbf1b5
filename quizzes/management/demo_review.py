"""The demo quiz's questions: what the generator makes of the Mosul article, reviewed by a teacher.

data/demo/review.json records the teacher's decision on every draft (matched by prompt, answer, kind and
options, so a draft whose wrong options changed is reviewed again) and their corrections. Applying it goes
through the services the admin's approve/reject actions and question form use.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from articles.models import Article
from quizzes.models import Question
from quizzes.services import question_update, questions_set_status

REVIEW_FILE = Path(settings.BASE_DIR) / "data" / "demo" / "review.json"
APPROVED = "approved"


@dataclass
class ReviewOutcome:
    approved: list[Question] = field(default_factory=list)
    rejected: list[Question] = field(default_factory=list)
    # Drafts the file does not know, and entries no draft matches: the generator changed since the review.
    unreviewed: list[Question] = field(default_factory=list)
    stale: list[dict] = field(default_factory=list)


def load_review() -> dict:
    return json.loads(REVIEW_FILE.read_text(encoding="utf-8"))


def entry_key(entry: dict) -> tuple:
    return entry["prompt"], entry["answer"], entry["kind"], frozenset(entry.get("choices", []))


def question_key(question: Question) -> tuple:
    choices = frozenset(choice.text for choice in question.choices.all())
    return question.prompt, question.answer, question.kind, choices


def review_apply(*, article: Article, review: dict) -> ReviewOutcome:
    """Approve, correct or reject the article's generated drafts as the review says; leave unknown ones."""
    entries = {entry_key(entry): entry for entry in review["drafts"]}
    outcome = ReviewOutcome()
    drafts = article.questions.filter(origin=Question.Origin.GENERATED, status=Question.Status.DRAFT)
    for question in drafts.prefetch_related("choices").order_by("position"):
        entry = entries.pop(question_key(question), None)
        if entry is None:
            outcome.unreviewed.append(question)
        elif entry["decision"] == APPROVED:
            outcome.approved.append(edit_apply(question, entry.get("edit", {})))
        else:
            outcome.rejected.append(question)
    questions_set_status(questions=outcome.approved, status=Question.Status.APPROVED)
    questions_set_status(questions=outcome.rejected, status=Question.Status.REJECTED)
    outcome.stale = list(entries.values())
    return outcome


def edit_apply(question: Question, edit: dict) -> Question:
    if not edit:
        return question
    if edit.get("kind") == Question.Kind.SHORT_ANSWER:
        # A short answer has no options: the teacher deletes the choice rows in the admin inline.
        question.choices.all().delete()
    return question_update(question=question, **edit)
