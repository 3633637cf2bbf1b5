"""Generated questions become drafts a teacher reviews; regenerating never touches the teacher's work.

The engine (quizzes.generation) is plain Python and imported only when generation runs, so a web process
that never generates never loads spaCy. Parsing happens before the transaction opens: a write lock held
through a parse would queue every student's answer behind it (SQLite takes the lock at BEGIN).
"""

import hashlib
import random
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import Article
from quizzes.models import Choice, Question

ASK_BAD_SPAN = "Select a phrase inside the article's text."
ASK_NO_QUESTION = (
    "No question could be made with \u201c{phrase}\u201d as its answer. "
    "Try a name, a number, a date or a short noun phrase from one sentence."
)
GENERATED_NONE = "No new questions: every generated question is already in the list."
GENERATED_SOME = "{created} draft question(s) generated for review."
GENERATED_SKIPPED = " {skipped} skipped because the same question is already there."


@dataclass(frozen=True)
class GenerationResult:
    created: int
    skipped: int
    message: str


def _engine():
    import quizzes.generation as engine

    return engine


def _normalise(value: str) -> str:
    return re.sub(r"[\W_]+", " ", value.casefold()).strip()


def _key(prompt: str, answer: str) -> tuple[str, str]:
    return _normalise(prompt), _normalise(answer)


def _drafts(call, *args, **kwargs):
    """Run an engine call, turning its refusal into the ValidationError the views and admin report."""
    from quizzes.generation.errors import GenerationError

    try:
        return call(*args, **kwargs)
    except GenerationError as error:
        raise ValidationError(str(error), code="generation") from error


def questions_generate(*, article: Article, limit: int = 20) -> GenerationResult:
    """Replace the untouched generated drafts of `article` with fresh ones; keep everything else."""
    engine = _engine()
    # Every draft, then the short list: it keeps a few true/false ones that rank last (generation/mix.py).
    drafts = engine.with_true_false(_drafts(engine.generate_questions, article.text), limit)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        _untouched_drafts(article).delete()
        created, skipped = _save_new_drafts(article, drafts, engine.GENERATOR_VERSION)
    return GenerationResult(created=created, skipped=skipped, message=_message(created, skipped))


def _untouched_drafts(article: Article):
    """Generated drafts nobody has edited, approved, assigned or answered: safe to replace."""
    return article.questions.filter(
        origin=Question.Origin.GENERATED,
        status=Question.Status.DRAFT,
        edited_by_teacher=False,
        assignment_items__isnull=True,
        responses__isnull=True,
    )


def _save_new_drafts(article: Article, drafts, version: str) -> tuple[int, int]:
    kept = list(article.questions.all())
    seen = {_key(q.prompt, q.answer) for q in kept}
    position = max((q.position for q in kept), default=-1) + 1
    created = skipped = 0
    for draft in drafts:
        if _key(draft.prompt, draft.answer) in seen:
            skipped += 1
            continue
        try:
            with transaction.atomic():  # a savepoint: a refused choice takes its question with it
                _save_draft(article=article, draft=draft, position=position + created, version=version)
        except ValidationError:
            skipped += 1  # refused by full_clean (an over-long answer…), nothing of it written
            continue
        seen.add(_key(draft.prompt, draft.answer))
        created += 1
    return created, skipped


def _message(created: int, skipped: int) -> str:
    text = GENERATED_SOME.format(created=created) if created else GENERATED_NONE
    return text + (GENERATED_SKIPPED.format(skipped=skipped) if created and skipped else "")


def _save_draft(*, article: Article, draft, position: int, version: str, asked: bool = False) -> Question:
    question = Question(
        article=article,
        kind=draft.kind,
        prompt=draft.prompt,
        answer=draft.answer,
        accepted_answers=list(draft.accepted_answers),
        evidence_start=draft.evidence_start,
        evidence_end=draft.evidence_end,
        status=Question.Status.DRAFT,
        origin=Question.Origin.GENERATED,
        generator_version=version,
        generator_score=draft.score,
        # The teacher chose an asked question's answer: regeneration must keep it like an edited one.
        edited_by_teacher=asked,
        position=position,
    )
    question.full_clean()
    question.save()
    if draft.kind != Question.Kind.SHORT_ANSWER:
        _save_choices(question, list(draft.choices))
    return question


def choice_order(prompt: str, choices: list[str]) -> list[str]:
    """Multiple-choice options in an order fixed by the prompt, so the right one lands anywhere.

    True/false keeps its conventional order: the answer itself varies between the two.
    """
    if choices == ["True", "False"]:
        return choices
    seed = int.from_bytes(hashlib.sha256(prompt.encode("utf-8")).digest()[:8], "big")
    shuffled = list(choices)
    random.Random(seed).shuffle(shuffled)  # noqa: S311 - an order, not a secret
    return shuffled


def _save_choices(question: Question, choices: list[str]) -> None:
    answer = _normalise(question.answer)
    marked = False
    for index, text in enumerate(choice_order(question.prompt, choices)):
        is_correct = not marked and _normalise(text) == answer
        marked = marked or is_correct
        choice = Choice(question=question, text=text, is_correct=is_correct, position=index)
        choice.full_clean()
        choice.save()


@transaction.atomic
def question_ask(*, article: Article, start: int, end: int) -> Question:
    """ "Ask about this": a draft question whose answer is article.text[start:end]."""
    if not (0 <= start < end <= len(article.text)) or not article.text[start:end].strip():
        raise ValidationError(ASK_BAD_SPAN, code="bad_span")
    engine = _engine()
    draft = _drafts(engine.question_for_answer, article.text, start, end)
    if draft is None:
        phrase = article.text[start:end].strip()[:80]
        raise ValidationError(ASK_NO_QUESTION.format(phrase=phrase), code="no_question")
    existing = article.questions.filter(prompt=draft.prompt, answer=draft.answer).first()
    if existing is not None:
        return existing
    last = article.questions.order_by("-position").values_list("position", flat=True).first()
    position = 0 if last is None else last + 1
    return _save_draft(
        article=article, draft=draft, position=position, version=engine.GENERATOR_VERSION, asked=True
    )
