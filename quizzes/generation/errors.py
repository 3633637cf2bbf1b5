"""Refusing input we cannot question, before spaCy ever sees it (parsing is the expensive part)."""

import re

MAX_CHARS = 1_000_000  # spaCy refuses longer texts outright
MAX_WORDS = 30_000
MIN_WORDS = 8
MIN_WORDS_ONE_SENTENCE = 30  # one long sentence can still carry a few questions; a short one cannot
PREFIX = "No questions could be generated from this text because "

_TAG = re.compile(r"<[^>]{0,2000}>")
_WORD = re.compile(r"[^\W\d_]{2,}")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an of and to in is was were are on for with by as at from that this it he she they his her "
    "their its be been has have had not or but which who also after".split()
)


class GenerationError(ValueError):
    """The text cannot yield questions; the message is meant for the teacher."""


def _refuse(reason: str) -> GenerationError:
    return GenerationError(PREFIX + reason)


def check_text(text: str) -> None:
    """Raise GenerationError with a reason a teacher understands if `text` cannot yield questions."""
    if not isinstance(text, str) or not text.strip():
        raise _refuse("the text is empty.")
    if len(text) > MAX_CHARS or len(text.split()) > MAX_WORDS:
        raise _refuse(f"it is too long: the limit is about {MAX_WORDS:,} words ({MAX_CHARS:,} characters).")
    _check_readable(text)
    words = _WORD.findall(_TAG.sub(" ", text))
    if not words:
        raise _refuse("it contains no words, only numbers, symbols or markup.")
    if len(words) < MIN_WORDS or (_sentence_count(text) < 2 and len(words) < MIN_WORDS_ONE_SENTENCE):
        raise _refuse("it is too short: it needs at least two full sentences.")
    english = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS)
    if english < max(2, 0.08 * len(words)):
        raise _refuse("it does not look like English text.")


def _check_readable(text: str) -> None:
    sample = text[:20_000]
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t") or ch in "\ufffd\x7f")
    if odd > 0.02 * len(sample):
        raise _refuse("it looks like binary data rather than readable text.")
    stripped = _TAG.sub(" ", sample)
    if len(_WORD.findall(stripped)) < MIN_WORDS and len(_TAG.findall(sample)) > 2:
        raise _refuse("it is only HTML markup, with no article text in it.")


def _sentence_count(text: str) -> int:
    return len(re.findall(r"[^\W_]{2,}[\"'”’)\]]*[.!?:]+(?=[\s\"'”’]|$)", text))
