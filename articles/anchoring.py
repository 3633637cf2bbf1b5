"""Keep questions pointing at their evidence when an article's text changes.

Called only from inside `articles.services` transactions; it never commits on its own.
"""

from quizzes.models import Question


def find_nearest(text: str, needle: str, near: int) -> int | None:
    """Start of the occurrence of `needle` in `text` closest to `near`, or None if it is gone."""
    best = None
    position = text.find(needle)
    while position != -1:
        if best is None or abs(position - near) < abs(best - near):
            best = position
        if position > near:
            break  # later occurrences are only further away
        position = text.find(needle, position + 1)
    return best


def reanchor_questions(*, article, old_text: str) -> tuple[int, int]:
    """Move each question's evidence to the same sentence in the new text, or send it back to draft.

    Returns (re-anchored, demoted). A question without evidence has nothing to follow and is left alone.
    """
    reanchored = demoted = 0
    questions = Question.objects.select_for_update().filter(article=article, evidence_start__isnull=False)
    for question in questions.order_by("id"):
        old_start = question.evidence_start or 0  # never None: filtered above
        sentence = old_text[old_start : question.evidence_end]
        start = find_nearest(article.text, sentence, old_start) if sentence.strip() else None
        if start is not None:
            question.evidence_start, question.evidence_end = start, start + len(sentence)
            reanchored += 1
        else:
            question.evidence_start = question.evidence_end = None
            question.status = Question.Status.DRAFT
            demoted += 1
        question.full_clean()
        question.save(update_fields=["evidence_start", "evidence_end", "status", "updated_at"])
    return reanchored, demoted
