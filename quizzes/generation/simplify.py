"""Sentence simplification: every finite clause, relative clause, appositive and passive-agent phrase
becomes a standalone statement (subject + verb group + the rest) that questions are built from."""

from __future__ import annotations

from dataclasses import dataclass

from .render import join_items, lower_first
from .sentences import Article, Segment

BREAK_DEPS = frozenset(
    {"relcl", "advcl", "parataxis", "appos", "ccomp", "mark", "meta", "intj", "csubj", "preconj"}
)
DISCOURSE = frozenset(
    "however meanwhile moreover nevertheless nonetheless furthermore additionally also thus therefore "
    "instead indeed still yet so then besides consequently likewise similarly hence".split()
)
UNRESOLVABLE = frozenset(
    "i we you it they this that these those one there which who that what someone".split()
)
CLAUSE_DEPS = frozenset({"ROOT", "conj", "relcl", "advcl", "ccomp", "parataxis"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class Clause:
    seg: Segment
    subject: tuple[int, ...]  # token indices of the subject phrase (may lie outside the clause itself)
    subject_text: str
    subject_head: int
    verb: int
    verb_literal: str | None  # surface verb when the text has none ("was" for appositives) or another form
    auxes: tuple[int | str, ...]  # token indices, or a literal "was" for reduced passives
    body: tuple[int | str, ...]  # everything after the subject; the verb is the int `verb` or VERB_SLOT
    front: tuple[int, ...]  # modifiers before the subject ("In 2014,"), moved to the end in questions
    passive: bool
    source: str  # main | relative | conj | agent | appos


VERB_SLOT = "\x00V"


def clauses(article: Article, segments: list[Segment] | None = None) -> list[Clause]:
    """Standalone clauses of the askable segments, or of the given ones when a teacher asks about them on
    purpose (then pronoun subjects stay: the teacher sees the sentence they came from)."""
    doc, found = article.doc, []
    lenient = segments is not None
    for seg in segments if segments is not None else article.segments:
        if segments is None and not seg.askable:
            continue
        for tok in doc[seg.start : seg.end]:
            clause = None
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSE_DEPS:
                clause = _finite_clause(article, seg, tok, lenient)
            if clause is None and tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBN":
                clause = _agent_clause(article, seg, tok)
            if (
                clause is None
                and tok.dep_ == "acl"
                and tok.tag_ == "VBN"
                and tok.head.pos_ in ("NOUN", "PROPN")
            ):
                clause = _reduced_passive(article, seg, tok)
            if clause is not None:
                found.append(clause)
            if tok.dep_ == "appos" and tok.head.i < tok.i:
                clause = _appositive_clause(article, seg, tok)
                if clause is not None:
                    found.append(clause)
    return found


def collect(tok, out: list[int], seg: Segment) -> None:
    """Tokens of tok's phrase that belong to its own clause (nested clauses are lifted separately)."""
    out.append(tok.i)
    for child in tok.children:
        if seg.start <= child.i < seg.end and not _breaks(child):
            collect(child, out, seg)


def _breaks(child) -> bool:
    dep, head = child.dep_, child.head
    if dep in BREAK_DEPS or child.is_space:
        return True
    if dep == "conj" and child.pos_ in ("VERB", "AUX"):
        return True
    if dep == "cc" and head.pos_ in ("VERB", "AUX"):
        return True
    if dep == "acl" and any(c.dep_ == "agent" for c in child.children):
        return True
    if dep == "advmod" and (child.tag_ == "WRB" or (child.lower_ in DISCOURSE and child.i < head.i)):
        return True
    if child.is_punct:
        return not (_inside_word(child) or _list_comma(child))
    return False


def _inside_word(tok) -> bool:
    """The hyphen of "al-Baghdadi": dropping it would split a word."""
    doc = tok.doc
    if (
        tok.text not in ("-", "–", "'", "’", "/", "&")
        or tok.i == 0
        or tok.i + 1 >= len(doc)
        or tok.whitespace_
    ):
        return False
    return not doc[tok.i - 1].whitespace_ and not doc[tok.i + 1].is_space


def _list_comma(tok) -> bool:
    """The commas of "Ballarat, Bendigo and Geelong" stay; appositive and clause commas go."""
    head = tok.head
    return (
        tok.text == ","
        and head.i < tok.i
        and head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "conj" and c.i > tok.i for c in head.children)
    )


def phrase(tok, seg: Segment) -> list[int]:
    out: list[int] = []
    collect(tok, out, seg)
    return sorted(out)


def _subject(article: Article, seg: Segment, verb, lenient: bool = False):
    """(tokens, text, head) of the verb's subject, resolved; None when it cannot stand alone."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return _subject(article, seg, verb.head, lenient)
        return None
    if lenient and subj.pos_ == "PRON" and subj.tag_ not in ("WDT", "WP"):
        return [subj.i], subj.text, subj.i
    if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        head = verb.head
        toks = phrase(head, seg)
        return toks, join_items(article.doc, toks), head.i
    if subj.pos_ == "PRON":
        return _resolve_pronoun(article, subj)
    if subj.tag_ in ("EX", "WDT", "WP") or (
        not lenient and (subj.lower_ in UNRESOLVABLE or subj.tag_ == "CD")
    ):
        return None
    toks = phrase(subj, seg)
    return toks, join_items(article.doc, toks), subj.i


def _resolve_pronoun(article: Article, pron):
    if pron.lower_ in ("it", "they"):
        return _previous_subject(article, pron)
    if pron.lower_ not in ("he", "she"):
        return None
    best = None
    for start, end, label in article.entity_of.values():
        if label == "PERSON" and end <= pron.i and (best is None or start > best[0]):
            best = (start, end)
    if best is None:
        return None
    return (), article.doc[best[0] : best[1]].text, pron.i


def _verb_group(verb, seg: Segment, skip: set[int]):
    auxes = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    body_toks: list[int] = []
    for child in verb.children:
        if child.i in skip or child.i in auxes or _breaks(child):
            continue
        collect(child, body_toks, seg)
    return auxes, sorted(set(body_toks) | {verb.i})


def _finite_clause(article: Article, seg: Segment, verb, lenient: bool = False) -> Clause | None:
    subject = _subject(article, seg, verb, lenient)
    if subject is None:
        return None
    subj_toks, subj_text, subj_head = subject
    auxes, toks = _verb_group(verb, seg, set(subj_toks) | {subj_head})
    past_participle_as_past = (
        verb.dep_ == "ROOT" and verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children)
    )
    if any(article.doc[i].tag_ == "TO" for i in auxes) or (
        not auxes and verb.tag_ in ("VBG", "VB", "VBN") and not past_participle_as_past
    ):
        return None  # non-finite: "X killing …" is no statement
    first_subject = min(subj_toks) if subj_toks else subj_head
    toks = [i for i in toks if i not in subj_toks and i != subj_head]
    front = tuple(i for i in toks if i < first_subject)
    body = tuple(i for i in toks if i >= first_subject)
    if any(article.doc[i].tag_ in ("WDT", "WP", "WP$") for i in (*body, *subj_toks)):
        return None  # "the book which he wrote": the lifted clause would lack its object
    source = "relative" if verb.dep_ == "relcl" else ("conj" if verb.dep_ == "conj" else "main")
    passive = any(article.doc[i].dep_ == "auxpass" for i in auxes)
    return Clause(
        seg, tuple(subj_toks), subj_text, subj_head, verb.i, None, tuple(auxes), body, front, passive, source
    )


def _reduced_passive(article: Article, seg: Segment, verb) -> Clause | None:
    """ "a constitution enacted in 1975" -> "a constitution was enacted in 1975"."""
    head, doc = verb.head, article.doc
    if head.i > verb.i or any(c.dep_ in (*SUBJECT_DEPS, "agent") for c in verb.children):
        return None
    inner = {t.i for t in verb.subtree}
    subj_toks = [i for i in phrase(head, seg) if i not in inner]
    if not subj_toks or max(subj_toks) > verb.i or doc[head.i].pos_ == "PRON":
        return None
    body = [verb.i]
    for child in verb.children:
        if child.i > verb.i and not _breaks(child):
            collect(child, body, seg)
    if len(body) < 2:
        return None
    aux = copula_for(head)
    return Clause(
        seg,
        tuple(subj_toks),
        join_items(doc, subj_toks),
        head.i,
        verb.i,
        None,
        (aux,),
        tuple(sorted(body)),
        (),
        True,
        "reduced",
    )


def copula_for(noun) -> str:
    """ "is"/"was" by the sentence's own tense, plural for plural nouns."""
    present = noun.sent.root.tag_ in ("VBZ", "VBP")
    plural = noun.tag_ in ("NNS", "NNPS")
    return ("are" if plural else "is") if present else ("were" if plural else "was")


def _agent_clause(article: Article, seg: Segment, verb) -> Clause | None:
    """Passive agent to active: "the counter-offensive launched by 100,000 forces" becomes
    "100,000 forces launched the counter-offensive"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if pobj is None or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    obj = _patient_phrase(article, seg, verb)
    if not obj:
        return None
    subj_toks = phrase(pobj, seg)
    rest: list[int] = []
    for child in verb.children:
        if child.i != agent.i and child.i > verb.i and not _breaks(child):
            collect(child, rest, seg)
    body = (verb.i, join_items(article.doc, obj), *sorted(rest))
    past = past_tense(verb)
    return Clause(
        seg,
        tuple(subj_toks),
        join_items(article.doc, subj_toks),
        pobj.i,
        verb.i,
        past,
        (),
        body,
        (),
        False,
        "agent",
    )


def _patient_phrase(article: Article, seg: Segment, verb) -> list[int]:
    doc = article.doc
    if verb.dep_ == "acl":
        noun = verb.head
        return [i for i in phrase(noun, seg) if i < verb.i]
    i = verb.i - 1
    while i >= seg.start and (doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM") or doc[i].text == "-"):
        i -= 1
    toks = list(range(i + 1, verb.i))
    return toks if any(doc[t].pos_ in ("NOUN", "PROPN") for t in toks) else []


def _appositive_clause(article: Article, seg: Segment, appos) -> Clause | None:
    """ "Brett McGurk, President Obama's envoy, tweeted" -> "Brett McGurk was President Obama's envoy"."""
    head, doc = appos.head, article.doc
    subj_toks, body_toks = phrase(head, seg), phrase(appos, seg)
    if head.pos_ == "NOUN" and appos.pos_ == "PROPN" and appos.i in article.entity_of:
        # "his assistant, Nicholas Golovin," -> "Nicholas Golovin was his assistant"
        subj_toks, body_toks, head = body_toks, subj_toks, appos
    elif head.pos_ != "PROPN" or head.i not in article.entity_of:
        return None
    if set(body_toks) & set(subj_toks) or min(subj_toks) != doc[head.i].left_edge.i:
        return None
    if len(body_toks) > 12 or not any(doc[i].pos_ == "NOUN" for i in body_toks):
        return None
    if any(doc[i].tag_ in ("WDT", "WP", "WP$", "VBG") for i in [*subj_toks, *body_toks]):
        return None
    copula = copula_for(doc[head.i])
    return Clause(
        seg,
        tuple(subj_toks),
        join_items(article.doc, subj_toks),
        head.i,
        -1,
        copula,
        (),
        (VERB_SLOT, *body_toks),
        (),
        False,
        "appos",
    )


def past_tense(verb) -> str:
    from .data import IRREGULAR_PAST

    lemma = verb.lemma_.lower()
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    return verb.text if verb.tag_ in ("VBN", "VBD") else lemma + ("d" if lemma.endswith("e") else "ed")


def _previous_subject(article: Article, pron):
    """ "It"/"they" as the subject of the last main clause before this sentence, when the number agrees."""
    doc, plural = article.doc, pron.lower_ == "they"
    sent_start = pron.sent.start
    for i in range(sent_start - 1, -1, -1):
        tok = doc[i]
        if tok.dep_ not in SUBJECT_DEPS or tok.head.dep_ != "ROOT" or tok.pos_ == "PRON":
            continue
        if (tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)) != plural:
            return None
        if tok.ent_type_ == "PERSON":
            return None  # people are "he" or "she"; "they" after a person is someone else
        start, end = article.chunk_of.get(tok.i, (tok.i, tok.i + 1))
        return (), lower_first(doc, doc[start:end].text, start), pron.i
    return None
