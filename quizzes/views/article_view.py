"""The article as the quiz page shows it, the evidence sentence marked, kept rendered in each web process.

With feedback after each question, every saved answer re-sends the article with that question's sentence
marked, and reading, splitting and rendering it cost more than the rest of the answer's HTML (a class
answering the same twelve questions asks for the same twelve marked articles). The rendered body is kept
under the content token, as the quiz items are (quizzes/selectors/quiz_items.py): triggers change the token
on every write to articles, questions, choices and assignment items (quizzes/content_triggers.py), and it
is read with the attempt on every request, so an edited article reaches every process at its next request.
Without a token (the teacher's preview) nothing is kept.
"""

from dataclasses import dataclass
from typing import cast

from django.template.loader import get_template
from django.utils.safestring import SafeString

from quizzes.kept import Kept
from quizzes.models import Assignment
from quizzes.views.reading import article_paragraphs

# Bounded by the characters kept, not by entries: an article may run to 30,000 words (~200 kB rendered).
# Eight million characters hold a few hundred marked articles of common length.
KEPT_CHARACTERS = 8_000_000


@dataclass(frozen=True)
class ArticleView:
    """What the `article` partial of quizzes/take.html shows: the same names as the Article's fields."""

    title: str
    source_name: str
    body: SafeString  # the paragraphs, the evidence marked, rendered by the `article-body` partial


_kept: Kept[ArticleView] = Kept(KEPT_CHARACTERS, size=lambda view: len(view.body))


def article_view(assignment: Assignment, token: str | None, evidence: tuple = ()) -> ArticleView:
    """The assignment's article with `evidence` ((start, end) offsets, or () for none) marked.
    The article row is read only when this process has not kept the view for this token."""
    if not token:
        return _render(assignment, evidence)
    key = (assignment.article_id, token, *evidence)
    return _kept.get_or_make(key, lambda: _render(assignment, evidence))


def _render(assignment: Assignment, evidence: tuple) -> ArticleView:
    article = assignment.article
    paragraphs = article_paragraphs(article.text, *evidence)
    # An autoescaped render already returns a SafeString: the article's text is escaped in it.
    body = cast(SafeString, get_template("quizzes/take.html#article-body").render({"paragraphs": paragraphs}))
    return ArticleView(title=article.title, source_name=article.source_name, body=body)
