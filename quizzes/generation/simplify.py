"""Sentence simplification: every finite clause, relative clause, appositive and passive-agent phrase
becomes a standalone statement (subject + verb group + the rest) that questions are built from."""

from __future__ import annotations

from .clause import (  # noqa: F401  (re-exported: the rest of the package imports them from here)
    CLAUSE_DEPS,
    SUBJECT_DEPS,
    UNRESOLVABLE,
    VERB_SLOT,
    Clause,
    breaks_clause,
    collect,
    phrase,
)
from .lifted import agent_clause, appositive_clause, past_tense, reduced_passive
from .pronouns import resolve_pronoun
from .render import join_items
from .sentences import Article, Segment


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
            if clause is None and tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG":
                clause = _participle_clause(article, seg, tok, lenient)
            if clause is None and tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBN":
                clause = agent_clause(article, seg, tok)
            if (
                clause is None
                and tok.dep_ == "acl"
                and tok.tag_ == "VBN"
                and tok.head.pos_ in ("NOUN", "PROPN")
            ):
                clause = reduced_passive(article, seg, tok)
            if clause is not None:
                found.append(clause)
            if tok.dep_ == "appos" and tok.head.i < tok.i:
                clause = appositive_clause(article, seg, tok)
                if clause is not None:
                    found.append(clause)
    return found


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
        return resolve_pronoun(article, subj)
    if subj.tag_ in ("EX", "WDT", "WP") or (
        not lenient and (subj.lower_ in UNRESOLVABLE or subj.tag_ == "CD")
    ):
        return None
    toks = phrase(subj, seg)
    return toks, join_items(article.doc, toks), subj.i


def _verb_group(verb, seg: Segment, skip: set[int]):
    auxes = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    body_toks: list[int] = []
    for child in verb.children:
        if child.i in skip or child.i in auxes or breaks_clause(child):
            continue
        collect(child, body_toks, seg)
    return auxes, sorted(set(body_toks) | {verb.i})


# Verbs whose complement is a bare infinitive: "has seen Iraqi forces recapture towns" says nothing of
# "Iraqi forces recapture towns" in the present tense, though the tagger often reads it as one (VBP).
BARE_INFINITIVE_HEADS = frozenset({"see", "watch", "hear", "feel", "notice", "make", "let", "help", "have"})


def _bare_infinitive(verb) -> bool:
    return verb.dep_ == "ccomp" and verb.tag_ in ("VB", "VBP") and verb.head.lemma_ in BARE_INFINITIVE_HEADS


def _shared_auxiliaries(verb) -> list[int] | None:
    """The auxiliaries a verb joined to an earlier one shares with it, [] for none; None when unknowable.

    "was developed for Porter and exhibited in 1862": "exhibited" is passive too ("When was the indicator
    exhibited?", not "When did the indicator exhibit?"). A participle (VBN) takes the first verb's
    auxiliaries. The tagger also reads such participles as simple pasts (VBD), and then nothing tells
    "was captured and renamed in 1920" (passive) from "was built in 1900 and collapsed in 1950" (active)
    but the verb's meaning: with no object of its own, such a verb after a passive one is skipped, unless it
    is one that has no passive (NEVER_PASSIVE: "was born in Ohio and died in Paris")."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    head = verb.head
    head_auxes = [c.i for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i]
    if not head_auxes:
        return []
    if verb.tag_ == "VBN":
        return head_auxes
    head_passive = any(c.dep_ == "auxpass" for c in head.children)
    if (
        verb.tag_ == "VBD"
        and head_passive
        and verb.lemma_.lower() not in NEVER_PASSIVE
        and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
    ):
        return None
    return []


# Verbs with no passive, so after "was born in Ohio and" they can only be active: "died in Paris in 1990".
NEVER_PASSIVE = frozenset(
    "die flee grow remain return arrive live sink fall rise collapse survive disappear emerge retire resign "
    "escape move expand decline succeed fail work serve continue become go come stay settle travel sail "
    "perish recover graduate marry emigrate immigrate".split()
)


def _finite_clause(article: Article, seg: Segment, verb, lenient: bool = False) -> Clause | None:
    subject = _subject(article, seg, verb, lenient)
    if subject is None:
        return None
    subj_toks, subj_text, subj_head = subject
    auxes, toks = _verb_group(verb, seg, set(subj_toks) | {subj_head})
    if not auxes and verb.dep_ == "conj":
        shared = _shared_auxiliaries(verb)
        if shared is None:
            return None
        auxes = shared
    past_participle_as_past = (
        verb.dep_ == "ROOT" and verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children)
    )
    if auxes and article.doc[auxes[0]].tag_ in ("VBG", "VBN"):
        return None  # "its captain being injured", "having been warned": no tense, no statement
    if any(article.doc[i].tag_ == "TO" for i in auxes) or (
        not auxes and verb.tag_ in ("VBG", "VB", "VBN") and not past_participle_as_past
    ):
        return None  # non-finite: "X killing …" is no statement
    if not auxes and _bare_infinitive(verb):
        return None
    first_subject = min(subj_toks) if subj_toks else subj_head
    toks = [i for i in toks if i not in subj_toks and i != subj_head]
    front = tuple(i for i in toks if i < first_subject)
    body = tuple(i for i in toks if i >= first_subject)
    if any(article.doc[i].tag_ in ("WDT", "WP", "WP$") for i in (*body, *subj_toks, *front)):
        # "the book which he wrote": the lifted clause would lack its object; "the family, of whom Rainulf
        # received …" made "When did Rainulf receive … of whom?"
        return None
    source = "relative" if verb.dep_ == "relcl" else ("conj" if verb.dep_ == "conj" else "main")
    passive = any(article.doc[i].dep_ == "auxpass" for i in auxes)
    return Clause(
        seg, tuple(subj_toks), subj_text, subj_head, verb.i, None, tuple(auxes), body, front, passive, source
    )


# Participles that work as prepositions ("including", "according to", "following the war"), not as
# something the subject did.
PREPOSITIONAL_PARTICIPLES = frozenset(
    "include accord follow regard concern exclude depend consider give involve compare bar start begin "
    "range total amount".split()
)
SETTING_OFF = frozenset({",", ";", "—", "–"})
PARTICIPLE_MARKS = frozenset({"while", "thereby"})  # "…, while also leading the NFL" still says it led


def _set_off(participle, main) -> bool:
    """Fronted ("Walking home, he …") or after a comma: then the participle tells of the subject. Without the
    comma it usually tells of the object ("caught the boy stealing a car")."""
    if participle.i < main.i:
        return True
    left = participle.left_edge.i
    return left > participle.sent.start and participle.doc[left - 1].text in SETTING_OFF


def _participle_clause(article: Article, seg: Segment, verb, lenient: bool = False) -> Clause | None:
    """ "The defense gave up 308 points, … boasting four Pro Bowl selections" -> "The defense boasted four
    Pro Bowl selections": a present participle added to a clause says what that clause's subject also did.

    Only after an active verb in the simple past. After a passive the participle's doer is the event or
    the agent ("The city was captured, leaving 100 dead": the capture left them); a present tense would
    need an inflection this package does not make; and "Walking home, he saw …" is kept too, since the
    participle comes first but the subject is the same."""
    if verb.lemma_.lower() in PREPOSITIONAL_PARTICIPLES:
        return None
    chain = [verb]
    while chain[-1].dep_ in ("advcl", "conj") and chain[-1].head.tag_ == "VBG":
        chain.append(chain[-1].head)  # "…, ranking sixth, while also leading …": up to the first participle
    if chain[-1].dep_ != "advcl":
        return None
    main = chain[-1].head
    if main.pos_ != "VERB" or main.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in main.children):
        return None
    if not _set_off(chain[-1], main):
        return None  # "Police caught the boy stealing a car": the boy stole it, not the police
    for link in chain:
        for child in link.children:
            if child.dep_ in (*SUBJECT_DEPS, "aux", "auxpass", "expl"):
                return None  # "the weather being fine": a subject of its own
            if child.dep_ == "neg":
                return None  # "…, never seeing his soldiers again": the statement would drop the "never"
            if child.dep_ == "mark" and child.lower_ not in PARTICIPLE_MARKS:
                return None  # "as if fleeing", "without knowing": not something the subject did
    subject = _subject(article, seg, main, lenient)
    if subject is None:
        return None
    subj_toks, subj_text, subj_head = subject
    body: list[int] = []
    for child in verb.children:
        if child.dep_ != "mark" and not breaks_clause(child) and child.i not in subj_toks:
            collect(child, body, seg)
    if not body:
        return None  # "…, smiling.": nothing to ask about
    front = tuple(i for i in body if i < verb.i)
    rest = tuple(sorted(i for i in body if i > verb.i))
    return Clause(
        seg,
        tuple(subj_toks),
        subj_text,
        subj_head,
        verb.i,
        past_tense(verb),
        (),
        (verb.i, *rest),
        front,
        False,
        "participle",
    )
