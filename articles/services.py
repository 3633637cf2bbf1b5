"""Article writes: create from a paste or upload, edit the text without breaking questions, restore.

Questions point into `article.text` by character offsets, so every change of the text re-anchors them
in the same transaction: a question whose evidence sentence is gone goes back to draft for the teacher.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from articles import readability
from articles.anchoring import reanchor_questions
from articles.cleaning import clean_article
from articles.decoding import DecodeError, main_text
from articles.models import Article

TITLE_MAX_LENGTH = Article._meta.get_field("title").max_length

EMPTY_TEXT = "The article text is empty. Paste the article or choose a file."
EMPTY_AFTER_CLEANING = (
    "No article text is left after removing page clutter (appeals, prompts, captions). "
    "Check that you pasted the article itself."
)
TOO_LONG = (
    "This article has {words:,} words; Passage accepts at most {cap:,} words. "
    "Paste a shorter article or only part of it."
)
NO_TITLE = "Give the article a title."
NOTHING_TO_RESTORE = "There is no removed paragraph number {index} to restore."


@dataclass(frozen=True)
class TextUpdate:
    reanchored: int
    demoted: int

    @property
    def message(self) -> str:
        if not self.demoted:
            return f"Text saved; {self.reanchored} question(s) still point at their sentences."
        return (
            f"Text saved; {self.reanchored} question(s) still point at their sentences, "
            f"{self.demoted} went back to draft because their sentence changed."
        )


def _check_length(text: str) -> None:
    cap = settings.PASSAGE_MAX_ARTICLE_WORDS
    words = len(text.split())
    if words > cap:
        raise ValidationError(TOO_LONG.format(words=words, cap=cap), code="too_long")


@transaction.atomic
def article_create(
    *, owner, title: str, raw_text: str, source_name: str = "", source_url: str = ""
) -> Article:
    """Clean and save an article; refused before cleaning if it is over the size cap.

    `raw_text` is kept exactly as submitted (a web page with its markup); `text` is its main text, cleaned.
    """
    if not raw_text or not raw_text.strip():
        raise ValidationError(EMPTY_TEXT, code="empty")
    try:
        source = main_text(raw_text)
    except DecodeError as error:  # a web page with no article in it
        raise ValidationError(str(error), code="no_text_in_html") from error
    _check_length(source)  # before any heavier work: the cap exists to protect the parser
    cleaned = clean_article(source)
    if not cleaned.text.strip():
        raise ValidationError(EMPTY_AFTER_CLEANING, code="empty_after_cleaning")
    title = (title or "").strip() or (cleaned.title_guess or "").strip()
    if not title:
        raise ValidationError(NO_TITLE, code="no_title")
    article = Article(
        owner=owner,
        title=title[:TITLE_MAX_LENGTH],
        source_name=source_name.strip(),
        source_url=source_url.strip(),
        raw_text=raw_text,
        text=cleaned.text,
        removed=cleaned.removed,
    )
    _measure(article)
    article.full_clean()
    article.save()
    return article


def _measure(article: Article) -> None:
    article.word_count = readability.word_count(article.text)
    article.reading_grade = readability.flesch_kincaid_grade(article.text)


@transaction.atomic
def article_update_text(*, article: Article, text: str) -> TextUpdate:
    """Replace the article's text; each question follows its evidence sentence or goes back to draft."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError(EMPTY_TEXT, code="empty")
    _check_length(text)
    locked = Article.objects.select_for_update().get(pk=article.pk)
    old_text = locked.text
    locked.text = text
    _measure(locked)
    locked.full_clean()
    locked.save()
    reanchored, demoted = reanchor_questions(article=locked, old_text=old_text)
    article.refresh_from_db()
    return TextUpdate(reanchored=reanchored, demoted=demoted)


@transaction.atomic
def article_restore_removed(*, article: Article, index: int) -> TextUpdate:
    """Put removed paragraph `index` back where it stood; the others keep their places."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    removed = list(locked.removed or [])
    if not 0 <= index < len(removed):
        raise ValidationError(NOTHING_TO_RESTORE.format(index=index), code="nothing_to_restore")
    item = removed.pop(index)
    paragraphs = locked.text.split("\n\n")
    position = min(max(int(item.get("position", 0)), 0), len(paragraphs))
    paragraphs.insert(position, item["text"])
    # Later entries at or after this place now stand one paragraph further down.
    for later in removed[index:]:
        if int(later.get("position", 0)) >= position:
            later["position"] = int(later.get("position", 0)) + 1
    locked.removed = removed
    locked.save(update_fields=["removed", "updated_at"])
    return article_update_text(article=article, text="\n\n".join(paragraphs))
