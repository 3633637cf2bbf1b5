"""Word count and Flesch-Kincaid grade, with a small syllable counter (no dictionary to download)."""

import re

_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*|\d+(?:[.,]\d+)*")
_SENTENCE = re.compile(r"[.!?]+(?=\s|$)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


def count_syllables(word: str) -> int:
    """Vowel groups, less a silent final e or -ed/-es ("table" keeps its "le"); at least one."""
    word = word.lower().strip("'")
    if not word.isalpha():
        return max(1, len(word) // 3) if any(c.isdigit() for c in word) else 1
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    if word.endswith(("ed", "es")) and not word.endswith(("ted", "ded", "ses", "zes", "ces", "ges", "xes")):
        count -= 1 if count > 1 else 0
    return max(1, count)


def sentence_count(text: str) -> int:
    return max(1, len(_SENTENCE.findall(text)))


def flesch_kincaid_grade(text: str) -> float | None:
    """US school grade needed to read `text`; None when there are no words to measure."""
    found = words(text)
    if not found:
        return None
    syllables = sum(count_syllables(word) for word in found)
    grade = 0.39 * len(found) / sentence_count(text) + 11.8 * syllables / len(found) - 15.59
    return round(grade, 1)
