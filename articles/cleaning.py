"""Turn a pasted news page into the article a student reads. Plain Python: no Django here.

The cleaner never throws text away silently: every dropped paragraph comes back in `removed` with its
reason and where it stood, so the teacher can see it and restore it.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from articles import boilerplate
from articles.text import glue_repair, normalise_quotes, split_sentences

TITLE = "headline (used as the title)"
STANDFIRST = "standfirst (the summary under the headline)"
# Longer paragraphs are article text even if a loose rule matches them (a story about newsletters…).
_RULE_MAX_WORDS = 40
_APPEAL_MAX_WORDS = 90
_TITLE_MAX_WORDS = 25
_STANDFIRST_MAX_WORDS = 50
_LINE_BREAKS = str.maketrans({"\f": "\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"})
_DROPPED_CATEGORIES = {"Cc", "Cs", "Cn"}
_INVISIBLES = dict.fromkeys(map(ord, "\u200b\ufeff\u00ad\u2060"))
# A line this long that stops mid-sentence was wrapped, not a headline.
_WRAP_MIN_CHARS = 30
_ENDS_SENTENCE = re.compile(r"[.!?…:;\"')\]]$")


@dataclass
class CleanResult:
    text: str
    removed: list[dict] = field(default_factory=list)
    title_guess: str | None = None


def clean_article(raw: str, *, find_title: bool = True) -> CleanResult:
    """Clean `raw`; with `find_title`, a headline (and standfirst) on top become the title, not the body."""
    paragraphs = split_paragraphs(normalise(raw))
    result = CleanResult(text="")
    kept: list[str] = []
    if find_title:
        paragraphs = _take_title(paragraphs, result)
    in_appeal = False
    for paragraph in paragraphs:
        paragraph, in_appeal = _clean_paragraph(paragraph, in_appeal, result, len(kept))
        if paragraph:
            kept.append(paragraph)
    result.text = "\n\n".join(kept)
    return result


def normalise(raw: str) -> str:
    """Unicode, whitespace, quotes and glued sentences, keeping line structure."""
    text = unicodedata.normalize("NFC", raw.translate(_LINE_BREAKS).replace("\r\n", "\n").replace("\r", "\n"))
    # Control characters and invisible break hints go; other format characters (RTL marks, the joiner in
    # emoji sequences) stay, because they change how the text reads.
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    text = text.translate(_INVISIBLES)
    text = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text)
    text = normalise_quotes(text)
    return "\n".join(glue_repair(line.strip()) for line in text.split("\n"))


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per line, except where a line was hard-wrapped: it runs on into the next line."""
    paragraphs: list[str] = []
    wrapped = "\n\n" in text  # blank lines separate paragraphs, so single line breaks may be wrapping
    joinable = False
    for line in text.split("\n"):
        if not line:
            joinable = False
            continue
        if joinable and (line[0].islower() or (wrapped and len(paragraphs[-1]) >= _WRAP_MIN_CHARS)):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        joinable = not _ENDS_SENTENCE.search(paragraphs[-1])
    return paragraphs


def _take_title(paragraphs: list[str], result: CleanResult) -> list[str]:
    if len(paragraphs) < 2 or not _looks_like_heading(paragraphs[0], _TITLE_MAX_WORDS):
        return paragraphs
    result.title_guess = paragraphs[0]
    result.removed.append({"text": paragraphs[0], "reason": TITLE, "position": 0})
    rest = paragraphs[1:]
    if len(rest) >= 2 and _looks_like_heading(rest[0], _STANDFIRST_MAX_WORDS) and not _reason(rest[0]):
        result.removed.append({"text": rest[0], "reason": STANDFIRST, "position": 0})
        rest = rest[1:]
    return rest


def _looks_like_heading(paragraph: str, max_words: int) -> bool:
    return len(paragraph.split()) <= max_words and not re.search(r"[.!:;,]$", paragraph)


def _reason(paragraph: str) -> str | None:
    if len(paragraph.split()) > _RULE_MAX_WORDS:
        return None
    return boilerplate.paragraph_reason(paragraph)


def _clean_paragraph(paragraph: str, in_appeal: bool, result: CleanResult, position: int) -> tuple[str, bool]:
    """Trim boilerplate sentences from the paragraph's edges, then judge what is left as a whole."""
    if len(paragraph.split()) <= _APPEAL_MAX_WORDS and boilerplate.is_self_appeal(paragraph):
        result.removed.append({"text": paragraph, "reason": boilerplate.APPEAL, "position": position})
        return "", True
    sentences = split_sentences(paragraph)
    leading = _edge_boilerplate(sentences)
    trailing = [(s, r) for s, r in reversed(_edge_boilerplate(sentences[::-1]))]
    middle = sentences[len(leading) : len(sentences) - len(trailing)]
    in_appeal = in_appeal or any(reason == boilerplate.APPEAL for _, reason in leading)
    remainder = " ".join(middle)
    reason = _reason(remainder) if remainder else None
    if remainder and not reason and in_appeal and boilerplate.continues_appeal(remainder):
        reason = boilerplate.APPEAL
    if not remainder or reason:
        # The whole paragraph goes, as one entry, so restoring it brings back exactly what was there.
        reason = reason or (leading or trailing)[0][1]
        result.removed.append({"text": paragraph, "reason": reason, "position": position})
        return "", reason == boilerplate.APPEAL or in_appeal
    for text, why in leading + trailing:
        result.removed.append({"text": text, "reason": why, "position": position})
    return remainder, False


def _edge_boilerplate(sentences: list[str]) -> list[tuple[str, str]]:
    """The run of boilerplate sentences at the start of `sentences`, each with its reason."""
    found = []
    for sentence in sentences:
        reason = boilerplate.sentence_reason(sentence)
        if not reason:
            break
        found.append((sentence, reason))
    return found
