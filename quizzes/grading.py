"""Answer grading in plain Python: forgiving about form, strict about facts.

A short answer is compared after normalising case, punctuation, leading articles and spacing. Numbers are
facts: "100,000", "100000" and "100 000" are the same number, "1.5 million" is 1,500,000, but "10000" is not
"1000", and no amount of fuzzy matching changes that. Small misspellings of words and names ("Mosull") pass,
word by word: every word of the answer must match its word in the expected answer within a small edit
budget (see `edit_budget`: none under FUZZY_MIN_LENGTH letters, so "cat" never passes for "car"; one edit up
to seven letters, two from LONG_WORD_LENGTH), counting a swap of two letters as one edit. Names that differ
by a letter or two are often different places, so a slip must also keep the first letter and must not change
the last one (an added or dropped final letter is allowed: "Peshmergas"): "Austria" is not "Australia",
"Iran" is not "Iraq", "Sweden" is not "Swedes". A teacher who wants a partial or variant answer accepted adds
it to the accepted answers.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from rapidfuzz.distance import OSA

FUZZY_MIN_LENGTH = 4
LONG_WORD_LENGTH = 8

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


def edit_budget(length: int) -> int:
    """How many slips a word of `length` letters may carry and still count as the same word."""
    if length < FUZZY_MIN_LENGTH:
        return 0
    return 1 if length < LONG_WORD_LENGTH else 2


def _same_word(given: str, expected: str) -> bool:
    if given == expected:
        return True
    budget = edit_budget(min(len(given), len(expected)))
    if budget == 0 or "#" in given or "#" in expected or given[0] != expected[0]:
        return False
    # Places differ in their ending (Iran/Iraq, Sweden/Swedes); a slip may only add or drop a last letter.
    shorter, longer = sorted((given, expected), key=len)
    if given[-1] != expected[-1] and not (len(longer) == len(shorter) + 1 and longer.startswith(shorter)):
        return False
    return OSA.distance(given, expected, score_cutoff=budget) <= budget


def _matches(given: str, expected: str) -> bool:
    given_numbers, given_rest = extract_numbers(given)
    expected_numbers, expected_rest = extract_numbers(expected)
    if given_numbers != expected_numbers:
        return False  # a number in either answer must match exactly; only the words around it may differ
    given_words, expected_words = normalise(given_rest).split(), normalise(expected_rest).split()
    if given_words == expected_words:
        return True
    if len(given_words) != len(expected_words):
        # Only a missing or extra space ("AlBaghdadi") may change the number of words.
        return _same_word("".join(given_words), "".join(expected_words)) if given_words else False
    return all(_same_word(g, e) for g, e in zip(given_words, expected_words, strict=True))


def short_answer_correct(*, given: str, answer: str, accepted: list[str] | tuple[str, ...] = ()) -> bool:
    """True when `given` matches the answer or any accepted alternative."""
    if not given or not given.strip():
        return False
    return any(_matches(given, expected) for expected in (answer, *accepted) if expected)
