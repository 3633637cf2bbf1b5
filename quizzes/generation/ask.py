""""Ask about this": a question whose answer is exactly the phrase a teacher selected."""

from __future__ import annotations

from .answers import Candidate, candidates, wh_for
from .build import accepted_answers, prompt_for
from .distractors import distractors, seed
from .draft import MULTIPLE_CHOICE, SHORT_ANSWER, Draft
from .errors import MAX_CHARS, PREFIX, GenerationError
from .loader import parse_cached
from .rank import score
from .render import as_question
from .sentences import Article, Segment, build_article
from .simplify import clauses
from .textnorm import leaks


def question_for_answer(text: str, start: int, end: int) -> Draft | None:
    """A draft whose answer is text[start:end] (surrounding spaces trimmed), or None if none can be made."""
    if not isinstance(text, str) or not text.strip():
        raise GenerationError(PREFIX + "the text is empty.")
    if len(text) > MAX_CHARS:
        raise GenerationError(PREFIX + "it is too long.")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return None
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    article = build_article(parse_cached(text))
    seg = next((s for s in article.segments if s.char_start <= start and end <= s.char_end), None)
    if seg is None:
        return None
    answer_tokens = {t.i for t in article.doc[seg.start : seg.end] if t.idx < end and t.idx + len(t) > start}
    if not answer_tokens:
        return None
    return _draft(article, seg, text[start:end], answer_tokens)


def _best_candidate(article: Article, seg: Segment, answer_tokens: set[int]) -> Candidate | None:
    best, best_key = None, None
    for clause in clauses(article, [seg]):
        for cand in candidates(article, clause):
            if not answer_tokens <= cand.drop:
                continue
            core = set(range(cand.start, cand.end))
            key = (len(core & answer_tokens) / len(core | answer_tokens), -len(cand.drop))
            if best_key is None or key > best_key:
                best, best_key = cand, key
    return best


def _label(article: Article, answer_tokens: set[int]) -> str:
    ents = {article.entity_of.get(i) for i in answer_tokens}
    if len(ents) == 1 and None not in ents:
        return next(iter(ents))[2]  # type: ignore[index]
    return "NP"


def _draft(article: Article, seg: Segment, answer: str, answer_tokens: set[int]) -> Draft:
    label = _label(article, answer_tokens)
    cand = _best_candidate(article, seg, answer_tokens)
    prompt = prompt_for(article, cand) if cand is not None else None
    form = cand.form if cand is not None else "what_in_place"
    if not prompt or leaks(answer, prompt):
        prompt, form = _in_place(article, seg, answer, label, answer_tokens), "what_in_place"
    wrong = [] if label == "NP" else distractors(article, answer, label, prompt)
    if len(wrong) >= 3:
        choices, kind = [*wrong[:3]], MULTIPLE_CHOICE
        choices.insert(seed(prompt) % 4, answer)
    else:
        choices, kind = [], SHORT_ANSWER
    value = score(article, seg, form, label, prompt, answer)
    return Draft(prompt, answer, kind, tuple(choices), accepted_answers(answer), seg.char_start, seg.char_end,
                 value, form)


def _in_place(article: Article, seg: Segment, answer: str, label: str, answer_tokens: set[int]) -> str:
    """The sentence with the phrase replaced by its wh-word: "The defence gave up just how many points?"."""
    doc = article.doc
    head = min((doc[i] for i in answer_tokens), key=lambda t: (t.head.i in answer_tokens, t.i))
    choice = wh_for(label, "object", answer, head, None)
    wh = choice[0] if choice else "what"
    sentence = doc.text[seg.char_start : seg.char_end]
    return as_question(sentence.replace(answer, wh))
