"""One parse per article; every draft is built from it."""

from __future__ import annotations

from .answers import candidates
from .build import from_candidate
from .draft import Draft
from .errors import PREFIX, GenerationError, check_text
from .extras import fill_blanks, true_false, who_said
from .loader import parse
from .rank import Scored, order
from .sentences import Article, build_article
from .simplify import clauses


def generate_questions(text: str, limit: int | None = None) -> list[Draft]:
    """Draft questions about `text`, best first; GenerationError when none can be made."""
    check_text(text)
    article = build_article(parse(text))
    drafts = order(all_drafts(article), limit)
    if not drafts:
        raise GenerationError(PREFIX + "none of its sentences could be turned into a question.")
    return drafts


def all_drafts(article: Article) -> list[Scored]:
    items: list[Scored | None] = []
    for clause in clauses(article):
        items.extend(from_candidate(article, cand) for cand in candidates(article, clause))
        items.append(who_said(article, clause))
        items.append(true_false(article, clause))
    items.extend(fill_blanks(article))
    return [item for item in items if item is not None]
