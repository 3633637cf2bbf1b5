"""Wrong options of the answer's own kind: same-type entities from the article first, then bundled lists;
numbers and dates as near variants in the same format."""

from __future__ import annotations

import re
import zlib

from . import data
from .sentences import Article
from .textnorm import content_tokens, is_span, overlaps, tokens

NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
NUMERIC_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
WORD_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def seed(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def distractors(
    article: Article, answer: str, label: str, prompt: str, want: int = 3, skip: range = range(0)
) -> list[str]:
    """Up to `want` wrong options; entities inside `skip` (the evidence sentence's tokens) are left out, as
    they are often the answer under another name ("Baghdadi, whose real name is Ibrahim al-Samarrai")."""
    pool: list[str] = []
    if label == "DATE" and AGE_QUESTION.search(prompt) and answer.isdigit():
        pool = _age_variants(int(answer))  # "At what age …?" 65: 58, 72, not 32, 98, 130
    elif label in NUMERIC_LABELS or (label == "DATE" and (NUMBER.search(answer) or is_span(answer))):
        pool = numeric_variants(answer, label)  # "two years": "three years", "four years"
    if label == "DATE":
        pool += _word_variants(answer, data.MONTHS) + _word_variants(answer, data.WEEKDAYS)
    if label not in NUMERIC_LABELS:
        pool += _from_article(article, label, answer, skip) + _bundled(label, answer, article)
    if label == "PERSON" and len(answer.split()) == 1:  # "Price": "Ashworth", not "Paul Ashworth", a giveaway
        pool = [p.split()[-1] for p in pool]
    if label == "DATE" and answer.lower().startswith("every "):  # other frequencies, not "22 years"
        pool = [f for f in _rotated(data.FREQUENCIES, answer) if f != answer.lower()] + pool
    if label == "DATE":  # "for the past two weeks": another span of time, never "Monday"
        pool = [p for p in pool if is_span(p) == is_span(answer) and _lead(p) == _lead(answer)]
    if label == "GPE":  # a city's wrong options are cities, a country's countries
        pool = [p for p in pool if _is_country(p) == _is_country(answer)]
    same_person = {
        name for group in article.aliases if any(overlaps(answer, n) for n in group) for name in group
    }
    if answer.startswith("The "):  # the answer opened a sentence: "the Chicago Bulls" beside it would not
        pool = ["The " + p[4:] if p.startswith("the ") else p for p in pool]
    return _pick([p for p in pool if p not in same_person], answer, prompt, want, article.aliases)


def _pick(pool: list[str], answer: str, prompt: str, want: int, aliases: list[set[str]]) -> list[str]:
    chosen: list[str] = []
    prompt_words = set(tokens(prompt))
    for option in pool:
        if not option.strip() or overlaps(option, answer) or any(overlaps(option, c) for c in chosen):
            continue
        if _country(option) == _country(answer) or any(_country(option) == _country(c) for c in chosen):
            continue  # "the United Kingdom" is no wrong option for "UK"
        if any(_named(option, group) and _named(c, group) for group in aliases for c in chosen):
            continue  # two names of one person would make two wrong options that are the same
        if content_tokens(option) & prompt_words:
            continue
        chosen.append(option)
        if len(chosen) == want:
            break
    return chosen


DATE_LEADS = frozenset("around about before after since until by in on at during from early late".split())


def _lead(date: str) -> str:
    """The word a date starts with when it carries its own preposition ("around 2010"): "over the summer"
    cannot take "around 2010" in its place."""
    first = date.split(" ", 1)[0].lower()
    return first if first in DATE_LEADS else ""


def _is_country(name: str) -> bool:
    bare = name.removeprefix("the ")
    return bare in data.COUNTRIES or name in data.COUNTRIES or bare in data.COUNTRY_ALIASES


def _named(name: str, group: set[str]) -> bool:
    return any(overlaps(name, other) for other in group)


def _country(name: str) -> str:
    bare = name.removeprefix("the ")
    return data.SAME_COUNTRY.get(bare, bare)


def _entities_by_label(article: Article) -> dict[str, list[tuple[str, list[int]]]]:
    """Computed once per article, each name once with where it is mentioned: every draft looks here."""
    cached = article.doc.user_data.get("qg_entities_by_label")
    if cached is None:
        doc, by_text = article.doc, dict[tuple[str, str], list[int]]()
        for start, end, label in sorted(set(article.entity_of.values())):
            if end - start > 1 and doc[end - 1].tag_ == "POS":
                end -= 1  # "William Tyndale's" -> "William Tyndale"
            by_text.setdefault((label, doc[start:end].text), []).append(start)
        cached = {}
        for (label, text), starts in by_text.items():
            cached.setdefault(label, []).append((text, starts))
        article.doc.user_data["qg_entities_by_label"] = cached
    return cached


def _from_article(article: Article, label: str, answer: str, skip: range) -> list[str]:
    found = []
    for text, starts in _entities_by_label(article).get(label, []):
        if any(start in skip for start in starts):
            continue
        if text.startswith(("the ", "The ")) and not answer.lower().startswith("the "):
            text = text[4:]
        found.append(text)
    rotation = seed(answer) % max(1, len(found))
    found = found[rotation:] + found[:rotation]
    size = len(answer.split())
    return sorted(found, key=lambda text: min(abs(len(text.split()) - size), 2))  # stable: keeps rotation


def _bundled(label: str, answer: str, article: Article) -> list[str]:
    if label == "PERSON":
        return _names(answer)
    if label == "GPE":
        return _places(answer, article)
    if label == "ORG":
        return _organisations(answer, article)
    if label == "NORP" and answer in data.PARTY_ADJECTIVES:  # "the Conservative candidate": not "Greek"
        return _rotated(data.PARTY_ADJECTIVES, answer)
    out: list[str] = []
    for items in data.LISTS_BY_LABEL.get(label, ()):
        out.extend(_rotated(items, answer))
    return out


def _places(answer: str, article: Article) -> list[str]:
    """Countries for a country, cities for a city; those of the answer's part of the world first."""
    by_region = data.COUNTRIES_BY_REGION if _is_country(answer) else data.CITIES_BY_REGION
    return _group_first(by_region, _region(answer) or _article_region(article), answer)


def _organisations(answer: str, article: Article) -> list[str]:
    """Organisations of the answer's own kind first when the lists know it (the United Nations: other
    international bodies, even in a war report), else of the kind the article is about; then the rest."""
    bare = answer[4:] if answer.startswith(("the ", "The ")) else answer
    kind = data.ORGANISATION_KIND_OF.get(bare) or data.ORGANISATION_KIND_OF.get(f"the {bare}")
    if kind is None:
        kind = "university" if "University" in answer else article.doc.user_data.get("qg_org_kind", "general")
    return _group_first(data.ORGANISATION_LISTS, kind, answer)


def _region(place: str) -> str | None:
    bare = _country(place)
    return data.REGION_OF.get(place) or data.REGION_OF.get(bare) or data.REGION_OF.get(f"the {bare}")


def _article_region(article: Article) -> str | None:
    """The part of the world the article's places mostly lie in, counting each mention."""
    counts: dict[str, int] = {}
    for text, starts in _entities_by_label(article).get("GPE", []):
        region = _region(text)
        if region:
            counts[region] = counts.get(region, 0) + len(starts)
    return max(counts, key=counts.__getitem__) if counts else None


def _group_first(groups: dict[str, tuple[str, ...]], key: str | None, answer: str) -> list[str]:
    """The names of group `key` (none when it is None), then every other group's, each part rotated by the
    answer so that different answers get different options."""
    near = groups.get(key, ()) if key else ()
    far = tuple(name for other, names in groups.items() if other != key for name in names)
    return _rotated(near, answer) + _rotated(far, answer)


def _rotated(items: tuple[str, ...], answer: str) -> list[str]:
    if not items:
        return []
    offset = seed(answer) % len(items)
    return list(items[offset:] + items[:offset])


def _names(answer: str) -> list[str]:
    n = seed(answer)
    lasts = [data.LAST_NAMES[(n + 5 * k) % len(data.LAST_NAMES)] for k in range(6)]
    if len(answer.split()) == 1:
        return lasts
    firsts = [data.FIRST_NAMES[(n // 7 + 3 * k) % len(data.FIRST_NAMES)] for k in range(6)]
    return [f"{f} {last}" for f, last in zip(firsts, lasts, strict=True)]


def _word_variants(answer: str, words: tuple[str, ...]) -> list[str]:
    for index, word in enumerate(words):
        if re.search(rf"\b{word}\b", answer):
            picks = [words[(index + k) % len(words)] for k in (1, -1, 2, -3, 4)]
            return [re.sub(rf"\b{word}\b", p, answer, count=1) for p in picks]
    return []


AGE_QUESTION = re.compile(r"\bat what age\b|^how old\b", re.IGNORECASE)


def _age_variants(age: int) -> list[str]:
    """Ages near the answer that a person can have: halving or doubling one gave 130-year-olds."""
    return [str(age + d) for d in (7, -7, 12, -12, 4, -4) if 1 <= age + d <= 110]


def numeric_variants(answer: str, label: str) -> list[str]:
    match = NUMBER.search(answer)
    if match is None:
        return _word_number_variants(answer)
    raw = match.group()
    value = float(raw.replace(",", ""))
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    # "a 2023 study" is a CARDINAL to the tagger: a bare four-digit number of recent centuries reads as a
    # year (its halves and doubles, 1000 and 4000, gave the answer away).
    is_year = decimals == 0 and (
        (label == "DATE" and 1000 <= value <= 2100) or (re.fullmatch(r"1[89]\d\d|20\d\d", raw) is not None)
    )
    if is_year:
        steps = [value + d for d in (1, -2, 3, -4, 5)]
    elif value < 20 and decimals == 0:
        steps = [value + d for d in (1, -1, 2, 3, -2, 5) if value + d > 0]
    else:
        steps = [value * f for f in (0.5, 1.5, 2, 0.75, 3)]
    return [
        answer[: match.start()] + _format(v, raw, decimals, is_year) + answer[match.end() :] for v in steps
    ]


def _format(value: float, raw: str, decimals: int, is_year: bool) -> str:
    if decimals:
        return f"{value:.{decimals}f}"
    number = round(value)
    if not is_year and number >= 100:
        magnitude = 10 ** (len(str(number)) - 2)
        number = round(number / magnitude) * magnitude
    return f"{number:,}" if "," in raw else str(number)


def _word_number_variants(answer: str) -> list[str]:
    for index, word in enumerate(WORD_NUMBERS):
        if re.search(rf"\b{word}\b", answer, re.IGNORECASE):
            # Near numbers that exist: "two" gives three, four and five, never a wrapped-round "twelve".
            picks = [WORD_NUMBERS[index + k] for k in (1, -1, 2, 3) if 0 <= index + k < len(WORD_NUMBERS)]
            return [re.sub(rf"\b{word}\b", p, answer, count=1, flags=re.IGNORECASE) for p in picks]
    return []
