"""Statements the text implies without a finite clause: passive agents made active, reduced passives,
appositives."""

from __future__ import annotations

from .clause import SUBJECT_DEPS, VERB_SLOT, Clause, breaks_clause, collect, phrase
from .render import join_items, lower_first
from .sentences import Article, Segment


def reduced_passive(article: Article, seg: Segment, verb) -> Clause | None:
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
        if child.i > verb.i and not breaks_clause(child):
            collect(child, body, seg)
    if len(body) < 2:
        return None
    # "a constitution enacted in 1975": it was, then, whatever the tense of the sentence around it
    aux = copula_for(head, past=any(t.ent_type_ == "DATE" for t in verb.subtree))
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


def copula_for(noun, past: bool = False) -> str:
    """ "is"/"was" by the sentence's own tense (or past when told), plural for plural nouns."""
    present = not past and noun.sent.root.tag_ in ("VBZ", "VBP")
    plural = noun.tag_ in ("NNS", "NNPS")
    return ("are" if plural else "is") if present else ("were" if plural else "was")


def agent_clause(article: Article, seg: Segment, verb) -> Clause | None:
    """Passive agent to active: "the counter-offensive launched by 100,000 forces" becomes
    "100,000 forces launched the counter-offensive"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if agent is None or pobj is None or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if _attachment_unsure(verb):
        return None
    obj = _patient_phrase(article, seg, verb)
    if not obj:
        return None
    subj_toks = phrase(pobj, seg)
    rest: list[int] = []
    for child in verb.children:
        if child.i != agent.i and child.i > verb.i and not breaks_clause(child):
            collect(child, rest, seg)
    patient = join_items(article.doc, obj)
    if article.doc[obj[0]].is_sent_start:  # it follows the verb now: "Who led the team?", not "The team"
        patient = lower_first(article.doc, patient, obj[0])
    body = (verb.i, patient, *sorted(rest))
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


def _attachment_unsure(verb) -> bool:
    """ "a bakery on Pudding Lane owned by Thomas Farriner": after a noun's own phrase ("on Pudding Lane")
    the parser cannot tell which noun the participle describes, and it guessed the lane ("Who owned
    Pudding Lane?"). After a phrase hung on a verb ("forced to retreat by the counter-offensive launched
    by 100,000 forces") there is only the one noun, and after "of" ("a suite of protocols created by …")
    either noun reads true."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and noun.dep_ == "pobj"
        and noun.head.lower_ != "of"
        and noun.head.head.pos_ in ("NOUN", "PROPN")
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


def appositive_clause(article: Article, seg: Segment, appos) -> Clause | None:
    """ "Brett McGurk, President Obama's envoy, tweeted" -> "Brett McGurk was President Obama's envoy"."""
    head, doc = appos.head, article.doc
    if appos.ent_type_ in ("PERCENT", "CARDINAL", "QUANTITY", "MONEY") or appos.like_num:
        return None  # "281,754 Jews (36.9%)": the share is no description ("How many Jews were 36.9%?")
    if any(c.dep_ in ("conj", "cc") for c in appos.children):
        return None  # a list the parser read as an apposition: "the Pechenegs, the Bulgars, and the Turks"
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


PREFIXES = ("over", "under", "with", "out", "mis", "fore", "re", "up", "be", "for", "un")


def past_tense(verb) -> str:
    from .data import IRREGULAR_PAST

    lemma = verb.lemma_.lower()
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    for prefix in PREFIXES:  # "oversee" -> "oversaw", "withhold" -> "withheld"
        if lemma.startswith(prefix) and lemma[len(prefix) :] in IRREGULAR_PAST:
            return prefix + IRREGULAR_PAST[lemma[len(prefix) :]]
    if verb.tag_ in ("VBN", "VBD"):
        return verb.text
    stem = verb.lower_[:-3] if verb.tag_ == "VBG" and verb.lower_.endswith("ing") else lemma
    if stem != lemma and stem[:-1] == lemma and stem[-1] == lemma[-1]:
        return stem + "ed"  # the participle shows the doubled consonant: "stopping" -> "stopped"
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("ic"):
        return lemma + "ked"  # "panic" -> "panicked"
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return lemma[:-1] + "ied"  # "carry" -> "carried"
    return lemma + "ed"
