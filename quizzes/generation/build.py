"""From an answer candidate to a finished draft: the question, its options and its checks."""

from __future__ import annotations

from dataclasses import replace

from .answers import Candidate
from .distractors import distractors, seed
from .draft import MULTIPLE_CHOICE, SHORT_ANSWER, Draft
from .rank import Scored, score
from .sentences import Article, Segment
from .textnorm import leaks, normalize
from .transform import inverted_question, subject_question
from .trim import shorten

MAX_PROMPT_WORDS = 40
LONGEST = 18  # clause tokens kept before adjuncts go: human questions average about 11 words
NO_OPTIONS = frozenset({"NP", "ORDINAL"})


def prompt_for(article: Article, cand: Candidate) -> str | None:
    if cand.role == "subject":
        return subject_question(article.doc, cand.clause, cand.wh, cand.drop - set(cand.clause.subject))
    return inverted_question(article.doc, cand.clause, cand.wh, set(cand.drop))


def acceptable(prompt: str | None, answer: str, evidence: str) -> bool:
    """Every draft must be answerable from its sentence and must not give its answer away."""
    if not prompt or not answer.strip() or answer not in evidence:
        return False
    words = len(prompt.split())
    if prompt.count("(") != prompt.count(")") or prompt.count("[") != prompt.count("]"):
        return False  # a bracket cut in half ("DTIME(f(n") reads as broken
    return 4 <= words <= MAX_PROMPT_WORDS and not leaks(answer, prompt)


def accepted_answers(answer: str) -> tuple[str, ...]:
    variants = [answer]
    for article_word in ("the ", "The ", "a ", "an "):
        if answer.startswith(article_word):
            variants.append(answer[len(article_word) :])
    if "," in answer and answer.replace(",", "").replace(".", "").isdigit():
        variants.append(answer.replace(",", ""))
    return tuple(dict.fromkeys(variants))


def make_draft(
    article: Article, seg: Segment, prompt: str | None, answer: str, label: str, form: str
) -> Scored | None:
    evidence = article.text[seg.char_start : seg.char_end]
    if prompt is None or not acceptable(prompt, answer, evidence):
        return None
    draft = draft_for(article, seg, prompt, answer, label, form, with_options=label not in NO_OPTIONS)
    return Scored(draft, seg.index, normalize(answer))


def draft_for(
    article: Article, seg: Segment, prompt: str, answer: str, label: str, form: str, *, with_options: bool
) -> Draft:
    """The finished draft: multiple choice when three good wrong options exist, else short answer."""
    wrong = []
    if with_options:
        wrong = distractors(article, answer, label, prompt, skip=range(seg.start, seg.end))
    if len(wrong) >= 3:
        choices = list(wrong[:3])
        choices.insert(seed(prompt) % 4, answer)
        kind = MULTIPLE_CHOICE
    else:
        choices, kind = [], SHORT_ANSWER
    value = score(article, seg, form, label, prompt, answer)
    return Draft(
        prompt,
        answer,
        kind,
        tuple(choices),
        accepted_answers(answer),
        seg.char_start,
        seg.char_end,
        value,
        form,
    )


def from_candidate(article: Article, cand: Candidate) -> Scored | None:
    answer = article.doc[cand.start : cand.end].text
    clause = cand.clause
    tokens = {i for i in (*clause.subject, *clause.body, *clause.front) if isinstance(i, int)}
    kept = shorten(article.doc, tokens, set(range(cand.start, cand.end)) | set(cand.drop), longest=LONGEST)
    cand = replace(cand, drop=cand.drop | frozenset(tokens - kept))
    item = make_draft(article, cand.clause.seg, prompt_for(article, cand), answer, cand.label, cand.form)
    if item is None:
        return None
    # Inherited subjects are likelier to be wrong.
    penalty = 0.4 if cand.clause.source in ("conj", "participle") else 0.0
    if cand.role in ("pp", "nested") and cand.wh in ("what", "who"):
        penalty += 0.8  # a stranded preposition ("What did they fight against?") reads awkwardly
    if penalty:
        item = Scored(_rescored(item.draft, item.draft.score - penalty), item.segment, item.answer_key)
    return item


def _rescored(draft: Draft, value: float) -> Draft:
    return Draft(
        draft.prompt,
        draft.answer,
        draft.kind,
        draft.choices,
        draft.accepted_answers,
        draft.evidence_start,
        draft.evidence_end,
        round(value, 4),
        draft.form,
    )
