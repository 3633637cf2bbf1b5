"""Question forms that are not wh-movement: who said a quotation, true/false, and fill-in-the-blank."""

from __future__ import annotations

import re

from .answers import SAY_VERBS
from .build import make_draft
from .distractors import distractors, seed
from .draft import TRUE_FALSE, Draft
from .rank import Scored, score
from .sentences import Article
from .simplify import Clause
from .transform import statement

QUOTED = re.compile(r"[“\"]([^”\"]{12,}?)[”\"]")
BLANK = "_____"
SWAP_LABELS = ("PERSON", "GPE", "ORG", "NORP", "DATE", "CARDINAL")
BLANK_LABELS = frozenset(
    {
        "PERSON",
        "GPE",
        "ORG",
        "DATE",
        "CARDINAL",
        "NORP",
        "LOC",
        "EVENT",
        "MONEY",
        "PERCENT",
        "FAC",
        "WORK_OF_ART",
        "QUANTITY",
        "LAW",
        "PRODUCT",
    }
)


def who_said(article: Article, clause: Clause) -> Scored | None:
    doc = article.doc
    if clause.verb < 0 or doc[clause.verb].lemma_.lower() not in SAY_VERBS or not clause.subject:
        return None
    ent = article.entity_of.get(clause.subject_head)
    if ent is None or ent[2] != "PERSON":
        return None
    seg = clause.seg
    match = QUOTED.search(
        article.text, seg.char_start, seg.char_end + 600
    )  # the quote may run on past the sentence
    if match is None or match.start() >= seg.char_end:
        return None
    words = match.group(1).strip().split()
    # A quotation cut at "," (… recovered," Kowalski said) ends the question without its comma.
    quote = " ".join(words[:14]).rstrip(",;:") + (" …" if len(words) > 14 else "")
    answer = doc[ent[0] : ent[1]].text
    return make_draft(article, seg, f"Who said “{quote}”?", answer, "PERSON", "who_said")


def _says_what_is_left_out(verb) -> bool:
    """ "Army commanders said on Monday.": the statement of a saying verb leaves out what was said (a clause
    of its own), unlike "Residents reported heavy explosions"."""
    return verb.lemma_.lower() in SAY_VERBS and any(child.dep_ == "ccomp" for child in verb.children)


def true_false(article: Article, clause: Clause) -> Scored | None:
    if clause.seg.quoted or clause.source not in ("main", "relative", "appos") or clause.front:
        return None
    if clause.verb >= 0 and _says_what_is_left_out(article.doc[clause.verb]):
        return None
    text = statement(article.doc, clause)
    if not 6 <= len(text.split()) <= 24:
        return None
    answer = "True"
    if seed(text) % 2:
        swapped = _swap(article, clause, text)
        if swapped is not None:
            text, answer = swapped, "False"
    prompt = f"True or false: {text}"
    seg = clause.seg
    value = score(article, seg, "true_false", "NP", prompt, answer)
    draft = Draft(
        prompt,
        answer,
        TRUE_FALSE,
        ("True", "False"),
        (answer,),
        seg.char_start,
        seg.char_end,
        value,
        "true_false",
    )
    return Scored(draft, seg.index, None)


def _swap(article: Article, clause: Clause, text: str) -> str | None:
    doc = article.doc
    for i in sorted(i for i in (*clause.subject, *clause.body) if isinstance(i, int)):
        ent = article.entity_of.get(i)
        if ent is None or ent[2] not in SWAP_LABELS:
            continue
        original = doc[ent[0] : ent[1]].text
        options = distractors(article, original, ent[2], "", want=1)
        if options and original in text:
            return text.replace(original, options[0], 1)
    return None


def fill_blanks(article: Article) -> list[Scored]:
    doc, found, seen = article.doc, [], set()
    for start, end, label in sorted(set(article.entity_of.values())):
        seg = article.segments[article.segment_of[start]] if article.segment_of[start] >= 0 else None
        if seg is None or not seg.askable or seg.quoted or label not in BLANK_LABELS or (start, end) in seen:
            continue
        if doc[start:end].text.lower() in ("one", "first"):
            continue  # "recapture _____ of Isis's strongholds": a pronoun, not a number
        seen.add((start, end))
        answer = doc[start:end].text
        sentence = " ".join(article.text[seg.char_start : seg.char_end].split())
        blanked = re.sub(rf"(?<!\w){re.escape(answer)}(?!\w)", BLANK, sentence)  # not "Iraq" inside "Iraqi"
        item = make_draft(article, seg, blanked, answer, label, "fill_blank")
        if item is not None:
            found.append(item)
    return found
