"""The parsed article: its one-sentence segments, which of them may be asked about, and cleaned entities."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import data
from .textnorm import opens_sentence

if TYPE_CHECKING:  # spaCy is loaded only when a teacher asks for questions (loader.py), never on import
    from spacy.tokens import Doc

BOILERPLATE = re.compile(
    r"subscri|newsletter|sign up|donat|your support|read more|advertisement|click here|comment|bookmark|"
    r"follow us|share this|all rights reserved|getty images|photograph:|image:|credit:|©|cookie|log in|"
    r"premium|paywall|related:|watch:|listen:",
    re.IGNORECASE,
)
# Pointers to elsewhere in the source ("See image of indicator diagram below."), not statements to ask about.
CROSS_REFERENCE = re.compile(r"^\W*(?:see\b|for more (?:information|details)\b)", re.IGNORECASE)
QUOTE_MARKS = re.compile(r"[“”\"]")
TERMINAL = re.compile(r"[.!?][\"'”’)]*\s*$")
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


@dataclass(frozen=True)
class Segment:
    """One sentence: the unit of evidence."""

    index: int
    start: int  # token indices, end exclusive
    end: int
    char_start: int
    char_end: int
    askable: bool
    quoted: bool


@dataclass
class Article:
    doc: Doc
    segments: list[Segment]
    segment_of: list[int]  # token index -> segment index (-1 for whitespace)
    entity_of: dict[int, tuple[int, int, str]] = field(default_factory=dict)  # token -> (start, end, label)
    chunk_of: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> noun chunk (start, end)
    title_words: set[str] = field(default_factory=set)
    word_counts: dict[str, int] = field(default_factory=dict)
    text: str = ""  # doc.text is rebuilt on every access; keep it once
    aliases: list[set[str]] = field(default_factory=list)  # names the article gives one person


def build_article(doc) -> Article:
    segments = list(_segments(doc))
    segment_of = [-1] * len(doc)
    for seg in segments:
        for i in range(seg.start, seg.end):
            segment_of[i] = seg.index
    article = Article(
        doc=doc, segments=segments, segment_of=segment_of, entity_of=_entities(doc), text=doc.text
    )
    article.title_words = _title_words(doc, segments)
    article.aliases = _aliases(article)
    doc.user_data["qg_place_kind"] = _place_kinds(article)
    for chunk in doc.noun_chunks:
        for i in range(chunk.start, chunk.end):
            article.chunk_of[i] = (chunk.start, chunk.end)
    counts: dict[str, int] = {}
    for tok in doc:
        if tok.pos_ in ("PROPN", "NOUN"):
            counts[tok.lemma_.lower()] = counts.get(tok.lemma_.lower(), 0) + 1
    article.word_counts = counts
    doc.user_data["qg_org_kind"] = article_org_kind(counts, _names_a_party(doc))
    return article


def _names_a_party(doc) -> bool:
    return any(e.label_ in ("ORG", "NORP") and data.is_party_name(e.text) for e in doc.ents)


def article_org_kind(word_counts: dict[str, int], names_a_party: bool) -> str:
    """The kind of organisation the article is about (data.ORGANISATIONS_BY_KIND): the kind whose cue nouns
    it uses most; "general" when it uses none of them twice. A council story uses the words of an election
    ("council", "seat") without being about parties: "party" needs a party named."""
    scores = {
        kind: sum(word_counts.get(cue, 0) for cue in cues)
        for kind, cues in data.ORGANISATION_CUES.items()
        if cues and (kind != "party" or names_a_party)
    }
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= 2 else "general"


def _segments(doc):
    index = 0
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end + 1):
            if i == sent.end or (doc[i].is_space and "\n" in doc[i].text):
                seg = _make_segment(doc, index, start, i)
                if seg is not None:
                    yield seg
                    index += 1
                start = i + 1


def _make_segment(doc, index: int, start: int, end: int) -> Segment | None:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end <= start:
        return None
    span = doc[start:end]
    text = span.text
    words = sum(1 for t in span if t.is_alpha)
    askable = (
        bool(TERMINAL.search(text))
        and words >= 5
        and not BOILERPLATE.search(text)
        and not CROSS_REFERENCE.match(text)
    )
    return Segment(index, start, end, span.start_char, span.end_char, askable, bool(QUOTE_MARKS.search(text)))


def _entities(doc) -> dict[int, tuple[int, int, str]]:
    """Entity per token, after checking the small model's labels against the rest of the article."""
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and not _verbal(e)}
    named_alone = _named_alone(doc)
    capital_only_first = _one_word_people_only_opening_sentences(doc)
    votes: dict[str, dict[str, int]] = {}
    for ent in doc.ents:
        tally = votes.setdefault(ent.text, {})
        tally[ent.label_] = tally.get(ent.label_, 0) + 1
    places = {
        e.text for e in doc.ents if e.start > 0 and doc[e.start - 1].lower_ in ("in", "at", "near", "across")
    }
    result = {}
    for ent in doc.ents:
        label = max(votes[ent.text].items(), key=lambda kv: kv[1])[0]  # the label most mentions agree on
        if label == "PERSON" and _verbal(ent):
            continue  # "Recapturing Mosul" is a verb phrase, not a person
        if label == "PERSON" and ent.text in places:
            label = "GPE"  # "in Mosul": people are not where things happen
        if label in ("ORG", "GPE", "NORP") and ent.text in surnames:
            label = "PERSON"
        if label in ("GPE", "LOC") and len(ent) == 2 and ent[-1].text in named_alone:
            label = "PERSON"  # "striker Jamal Okafor" read as a place, then "Okafor scored again"
        if label == "DATE" and not _looks_like_date(ent):
            continue
        if label == "ORG" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in ent.root.children):
            continue  # "a local GP": a doctor, not an organisation (and no name says "a")
        if label == "PERSON" and ent.text in capital_only_first:
            continue  # "Turnout was 28 percent": a capitalised first word, no person the article names
        start = _past_titles(doc, ent.start, ent.end) if label == "PERSON" else ent.start
        if label == "DATE":
            # "test [the barrier every month]": the model's date took in the object before "every"
            # (but not "the first Monday of each month", where "each month" hangs on the Monday)
            start = next(
                (
                    t.i
                    for t in ent[1:]
                    if t.lower_ in ("every", "each")
                    and not any(a.i in range(ent.start, t.i) for a in t.ancestors)
                ),
                start,
            )
        for tok in doc[start : ent.end]:
            result[tok.i] = (start, ent.end, label)
    _add_bare_surnames(doc, result)
    _join_day_and_time(result)
    return result


def _join_day_and_time(result: dict[int, tuple[int, int, str]]) -> None:
    """ "Saturday morning" is one time, which the model splits into a date and a time: asked as one, "When
    did residents gather?", not "What time did residents gather on?" with "morning" for the answer."""
    for start, end, label in set(result.values()):
        following = result.get(end)
        if label == "DATE" and following is not None and following[0] == end and following[2] == "TIME":
            for i in range(start, following[1]):
                result[i] = (start, following[1], "DATE")


def _add_bare_surnames(doc, result: dict[int, tuple[int, int, str]]) -> None:
    """A person's surname standing alone where the model saw no entity ("Okafor scored again", after
    "striker Jamal Okafor") is that person: asked "who", with other people for wrong choices."""
    people = {
        doc[end - 1].text for start, end, label in result.values() if label == "PERSON" and end - start > 1
    }
    for tok in doc:
        # "Price said …" opening a sentence is tagged a common noun: its capital makes it the name here.
        named = tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_title)
        # Only as a subject and without "the": "write to the Hall" is no Sarah Hall.
        bare = tok.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ == "det" for c in tok.children)
        if tok.i not in result and named and bare and tok.text in people:
            result[tok.i] = (tok.i, tok.i + 1, "PERSON")


# Words that say what a person does, not who they are: the model takes "Councillor Tom Reed" for one name but
# "Mayor Linda Torres" for a title and a name. Left out of the name, so that every name is asked and offered
# alike ("Councillor _____ said …" with "Tom Reed"), never "Mayor Councillor Tom Reed" among the choices.
# Kings, queens, popes and saints are left alone: their title is how the name is written ("Queen Victoria");
# so is "Justice", also a first name.
PERSON_TITLES = frozenset(
    "mr mrs ms mx dr prof professor mayor councillor councilor councilman councilwoman alderman president "
    "vice senator sen representative rep congressman congresswoman governor gov judge chief police "
    "officer sheriff minister prime secretary commissioner superintendent principal headteacher coach "
    "detective inspector sergeant sgt constable deputy chancellor ambassador spokesman spokeswoman general "
    "gen colonel col captain capt lieutenant lt admiral commander".split()
)


def _one_word_people_only_opening_sentences(doc) -> set[str]:
    """One-word "people" the model found only as a sentence's first word, where any word has a capital, and
    that are no part of a person's full name in the article: "Turnout", not "Okafor" after "Jamal Okafor"."""
    in_full_names = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    one_word = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1} - in_full_names
    return one_word - capitalized_words(doc)


def _named_alone(doc) -> set[str]:
    """Proper nouns that stand alone as the subject of a verb, as a surname does once a person has been
    introduced ("Okafor scored again"). A place's last word seldom does ("York said" is no English)."""
    return {
        t.text
        for t in doc
        if t.pos_ == "PROPN"
        and t.dep_ in ("nsubj", "nsubjpass")
        and t.ent_type_ not in ("GPE", "LOC")  # "Sudan" of "South Sudan" is a place wherever it stands
        and not any(c.dep_ == "compound" for c in t.children)
        and (t.i == 0 or doc[t.i - 1].pos_ != "PROPN")
    }


def _past_titles(doc, start: int, end: int) -> int:
    """The first token of a person's name after the titles in front of it (at least the last word stays)."""
    while start < end - 1 and doc[start].lower_.rstrip(".") in PERSON_TITLES:
        start += 1
    return start


def _title_words(doc, segments: list[Segment]) -> set[str]:
    if not segments:
        return set()
    first = doc[segments[0].start : segments[0].end]
    return {t.lemma_.lower() for t in first if t.pos_ in ("PROPN", "NOUN")}


_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday century decade year month week summer winter spring autumn "
    "yesterday today tomorrow".split()
)


def _looks_like_date(ent) -> bool:
    """The small model calls plain "days" a DATE; a date has a number or a calendar word."""
    return any(t.like_num or t.lower_ in _DATE_WORDS or t.lower_.rstrip("s") in _DATE_WORDS for t in ent)


def capitalized_words(doc) -> set[str]:
    """Words written with a capital mid-sentence: names, to keep capitalised when moved."""
    cached = doc.user_data.get("qg_capitalized")
    if cached is None:
        cached = {t.text for t in doc if not opens_sentence(t) and t.text[:1].isupper()}
        doc.user_data["qg_capitalized"] = cached
    return cached


def words_after_a_capital_the(doc) -> set[str]:
    """Words the article writes after "The" in the middle of a sentence ("told The Times"): names that
    begin with their "The", which keeps its capital when a sentence's first "The X" is moved."""
    cached = doc.user_data.get("qg_after_the")
    if cached is None:
        cached = {doc[t.i + 1].text for t in doc[:-1] if t.text == "The" and not opens_sentence(t)}
        doc.user_data["qg_after_the"] = cached
    return cached


def lowercase_words(doc) -> set[str]:
    """Every word the article writes in lower case somewhere: a capital on one is only the sentence's."""
    cached = doc.user_data.get("qg_lowercase")
    if cached is None:
        cached = {t.text for t in doc if t.is_lower}
        doc.user_data["qg_lowercase"] = cached
    return cached


def _verbal(ent) -> bool:
    return ent[0].tag_.startswith("VB") or ent[0].is_lower or ent[0].text.endswith("ing")


ALIAS_CUES = re.compile(r"real name|known as|born as|née|birth name|also called", re.IGNORECASE)


def _aliases(article: Article) -> list[set[str]]:
    """ "Baghdadi, whose real name is Ibrahim al-Samarrai": both names are one person, never each other's
    wrong option."""
    groups = []
    for seg in article.segments:
        if not ALIAS_CUES.search(article.text, seg.char_start, seg.char_end):
            continue
        names = {
            article.doc[s:e].text
            for s, e, label in article.entity_of.values()
            if label == "PERSON" and seg.start <= s < seg.end
        }
        if len(names) > 1:
            groups.append(names)
    return groups


PLACE_NOUNS = frozenset("city town village country state province region island river county".split())


def _place_kinds(article: Article) -> dict[str, str]:
    """The article itself says what kind of place a name is: "the city of Mosul"."""
    kinds = {}
    for start, end, label in set(article.entity_of.values()):
        of = article.doc[start].head
        if label in ("GPE", "LOC") and of.lower_ == "of" and of.head.lemma_.lower() in PLACE_NOUNS:
            kinds[article.doc[start:end].text] = of.head.lemma_.lower()
    return kinds
