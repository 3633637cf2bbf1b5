"""Answer grading in plain Python: forgiving about form, strict about facts.

A short answer is compared after normalising case, punctuation, leading articles and spacing. Numbers are
facts: "100,000", "100000" and "100 000" are the same number, "1.5 million" is 1,500,000, but "10000" is not
"1000", and no amount of fuzzy matching changes that. Small misspellings of words and names ("Mosull") pass
when the normalised strings score at least FUZZY_THRESHOLD with rapidfuzz, and only for answers of at least
FUZZY_MIN_LENGTH characters, so "cat" never passes for "car".
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from rapidfuzz import fuzz

FUZZY_THRESHOLD = 85
FUZZY_MIN_LENGTH = 4

LEADING_ARTICLES = ("the ", "a ", "an ")
SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Digit groups joined by commas, spaces or thin spaces ("100,000", "100 000"), with an optional decimal part.
NUMBER_RE = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
SCALE_RE = re.compile(r"\s*(" + "|".join(SCALE_WORDS) + r")\b")


def extract_numbers(text: str) -> tuple[list[Decimal], str]:
    """The numbers in `text` (with "million" etc. applied) and the text with each number replaced by "#"."""
    numbers: list[Decimal] = []
    pieces: list[str] = []
    position = 0
    lowered = text.lower()
    for match in NUMBER_RE.finditer(lowered):
        value = _to_decimal(match.group())
        end = match.end()
        scale = SCALE_RE.match(lowered, end)
        if scale and value is not None:
            value *= SCALE_WORDS[scale.group(1)]
            end = scale.end()
        if value is None:
            continue
        numbers.append(value.normalize())
        pieces.append(lowered[position : match.start()] + " # ")
        position = end
    pieces.append(lowered[position:])
    return numbers, "".join(pieces)


def _to_decimal(raw: str) -> Decimal | None:
    try:
        return Decimal(re.sub(r"[,\u00a0\u202f ]", "", raw))
    except InvalidOperation:
        return None


def normalise(text: str) -> str:
    """Lower case, accents folded, punctuation dropped, spaces collapsed, a leading article removed."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = re.sub(r"[^\w#]+", " ", folded).split()
    cleaned = " ".join(words)
    for article in LEADING_ARTICLES:
        if cleaned.startswith(article):
            cleaned = cleaned[len(article) :]
            break
    return cleaned


def _matches(given: str, expected: str) -> bool:
    given_numbers, given_rest = extract_numbers(given)
    expected_numbers, expected_rest = extract_numbers(expected)
    if given_numbers or expected_numbers:
        # A number in either answer must match exactly; only the words around it may differ slightly.
        if given_numbers != expected_numbers:
            return False
    given_norm, expected_norm = normalise(given_rest), normalise(expected_rest)
    if given_norm == expected_norm:
        return True
    if not given_norm or min(len(given_norm), len(expected_norm)) < FUZZY_MIN_LENGTH:
        return False
    return fuzz.ratio(given_norm, expected_norm) >= FUZZY_THRESHOLD


def short_answer_correct(*, given: str, answer: str, accepted: list[str] | tuple[str, ...] = ()) -> bool:
    """True when `given` matches the answer or any accepted alternative."""
    if not given or not given.strip():
        return False
    return any(_matches(given, expected) for expected in (answer, *accepted) if expected)
