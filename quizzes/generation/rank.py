"""Ordering drafts the way a teacher would pick them: central sentences first, one answer once,
questions spread over the article, quotations and fill-in-the-blank last."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from .draft import Draft
from .sentences import Article, Segment
from .textnorm import normalize

FORM_WEIGHT = {
    "who_subject": 3.0,
    "how_many": 2.8,
    "how_much": 2.8,
    "when": 2.9,
    "how_long": 2.6,
    "how_old": 2.6,
    "where": 2.3,
    "which": 2.4,
    "who_object": 2.5,
    "what_subject": 2.2,
    "what_object": 2.1,
    "who_said": 2.4,
    "true_false": 0.0,
    "fill_blank": 1.9,
}
# From how often human quiz writers ask about each kind of answer (XQuAD dev): people and numbers most.
LABEL_BONUS = {
    "PERSON": 0.6,
    "DATE": 0.5,
    "CARDINAL": 0.6,
    "PERCENT": 0.6,
    "MONEY": 0.6,
    "ORG": 0.6,
    "GPE": -0.1,
    "NORP": -0.2,
    "LOC": 0.0,
    "FAC": 0.0,
    "NP": -0.8,
}


@dataclass(frozen=True)
class Scored:
    draft: Draft
    segment: int
    answer_key: str | None  # None for true/false: many may share "True"


def centrality(article: Article, seg: Segment) -> float:
    doc, n = article.doc, max(1, len(article.segments))
    lemmas = {t.lemma_.lower() for t in doc[seg.start : seg.end] if t.pos_ in ("PROPN", "NOUN")}
    shared = sum(1 for lemma in lemmas if article.word_counts.get(lemma, 0) > 1)
    in_title = len(lemmas & article.title_words) if seg.index > 0 else 0
    lead = 1.0 - seg.index / n
    return 0.2 * lead + min(0.8, 0.1 * shared) + min(0.6, 0.3 * in_title)


def score(article: Article, seg: Segment, form: str, label: str, prompt: str, answer: str) -> float:
    if label == "NP" and form.startswith("who_"):
        # "Who reached Mosul?" (Iraqi troops) ranks as the "what" question it was, not as one about a person.
        form_weight = FORM_WEIGHT.get(form.replace("who_", "what_", 1), 1.5)
    else:
        form_weight = FORM_WEIGHT.get(form, 1.5)
    value = form_weight + LABEL_BONUS.get(label, 0.2) + centrality(article, seg)
    words = len(prompt.split())
    if words > 18:
        value -= 0.06 * (words - 18)
    if words < SHORT_PROMPT_WORDS and form != "true_false" and not _names_something(prompt):
        value -= SHORT_PROMPT_PENALTY  # "What got under way?": too little to find its sentence by
    if len(answer.split()) > 4:
        value -= 0.15 * (len(answer.split()) - 4)
    if form == "fill_blank":
        value -= BLANK_PENALTY.get(label, 0.0)
    if seg.quoted and form != "who_said":
        value -= 1.5
    return round(value, 4)


def _names_something(prompt: str) -> bool:
    """A capitalised word after the first: "Who was Brett McGurk?" is short but says what it is about."""
    return any(word[:1].isupper() for word in prompt.split()[1:])


SAME_SENTENCE_PENALTY = 0.8
SHORT_PROMPT_WORDS = 5
SHORT_PROMPT_PENALTY = 1.0
# A blanked place or organisation name is rarely what a reader is meant to take from a sentence.
BLANK_PENALTY = {"GPE": 1.0, "LOC": 1.0, "FAC": 1.0, "ORG": 0.8}


def order(items: list[Scored], limit: int | None = None) -> list[Draft]:
    """Best first and each answer once; every draft already taken from a sentence costs the next one from
    that sentence SAME_SENTENCE_PENALTY, so questions spread over the article; true/false come last.

    Lazy greedy: a draft's key only ever drops (its sentence gains drafts), so a popped key that is still
    current is the best one left."""
    heap = [(_key(item, 0), n, item) for n, item in enumerate(_in_order(items))]
    heapq.heapify(heap)
    chosen: list[Draft] = []
    used_answers: set[str] = set()
    used_prompts: set[str] = set()
    per_segment: dict[int, int] = {}
    while heap and (limit is None or len(chosen) < limit):
        key, n, item = heapq.heappop(heap)
        prompt_key = normalize(item.draft.prompt)
        if item.answer_key in used_answers or prompt_key in used_prompts:
            continue
        current = _key(item, per_segment.get(item.segment, 0))
        if current != key:
            heapq.heappush(heap, (current, n, item))
            continue
        chosen.append(item.draft)
        if item.answer_key is not None:
            used_answers.add(item.answer_key)
        used_prompts.add(prompt_key)
        per_segment[item.segment] = per_segment.get(item.segment, 0) + 1
    return chosen


def _in_order(items: list[Scored]) -> list[Scored]:
    return sorted(items, key=lambda s: (-s.draft.score, s.draft.evidence_start, s.draft.prompt))


def _key(item: Scored, taken: int) -> tuple[bool, float]:
    """Smallest first for heapq: drafts that are not true/false, then the highest penalised score."""
    return (item.draft.form == "true_false", -(item.draft.score - SAME_SENTENCE_PENALTY * taken))
