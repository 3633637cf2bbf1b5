"""Comparing phrases the way a reader would: case, articles and punctuation do not make a new answer."""

import re
from functools import lru_cache

_NUMBER_COMMA = re.compile(r"(?<=\d),(?=\d{3})")
_NON_WORD = re.compile(r"[^\w%$£€]+")
ARTICLES = frozenset({"a", "an", "the"})
FUNCTION_WORDS = ARTICLES | frozenset(
    "of and or in on at to for by with from as is was were are be been his her their its 's s".split()
)


@lru_cache(maxsize=8192)  # the same options and answers are compared many times per article
def tokens(text: str) -> tuple[str, ...]:
    text = _NUMBER_COMMA.sub("", text.lower().replace("’", "'"))
    return tuple(t for t in _NON_WORD.sub(" ", text).split() if t not in ARTICLES)


def normalize(text: str) -> str:
    return " ".join(tokens(text))


def content_tokens(text: str) -> set[str]:
    return {t for t in tokens(text) if t not in FUNCTION_WORDS}


def leaks(answer: str, prompt: str) -> bool:
    """True when any content word of the answer shows in the prompt: a reader would spot it."""
    return bool(content_tokens(answer) & set(tokens(prompt)))


def overlaps(a: str, b: str) -> bool:
    """Equal, inside or containing one another after normalising: not a fair wrong option."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return True
    return na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} "


_SPAN_UNITS = re.compile(
    r"\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries)\b", re.I
)
_POINT_IN_TIME = re.compile(r"\b(last|next|this)\s+\w+$|\bago\b", re.I)


def is_span(date: str) -> bool:
    """A length of time ("two years", "the past two weeks"), not a point ("last year", "two years ago")."""
    return bool(_SPAN_UNITS.search(date)) and not _POINT_IN_TIME.search(date)


def opens_sentence(tok) -> bool:
    """Whether a token is a sentence's first word: the parser's sentence start, or one it missed after a
    paragraph break or a sentence's end (after a closing quote the model often runs two sentences together,
    and the second one's capital then looked like a name's)."""
    if tok.is_sent_start or tok.i == 0:
        return True
    before = tok.doc[tok.i - 1]
    return before.is_space or before.text in (".", "!", "?", "”", '"', "’", "'")
