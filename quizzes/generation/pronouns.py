"""Pronoun subjects: resolved to the entity they stand for, or the sentence is not asked about."""

from __future__ import annotations

from .clause import SUBJECT_DEPS
from .render import lower_first
from .sentences import Article
from .whwords import names_people


def resolve_pronoun(article: Article, pron):
    if pron.lower_ in ("it", "they"):
        return _previous_subject(article, pron)
    if pron.lower_ not in ("he", "she"):
        return None
    speaker = _governing_subject(pron)  # "Price said she would push for …": Price, not the last name before
    ent = article.entity_of.get(speaker.i) if speaker is not None else None
    if ent is not None and ent[2] == "PERSON":
        return (), article.doc[ent[0] : ent[1]].text, pron.i
    if speaker is not None and ent is None and speaker.pos_ == "NOUN" and names_people(speaker):
        # "The mayor said she would retire": the mayor, not a man named in the sentence before
        start, end = article.chunk_of.get(speaker.i, (speaker.i, speaker.i + 1))
        return (), lower_first(article.doc, article.doc[start:end].text, start), pron.i
    best = None
    for start, end, label in article.entity_of.values():
        if label == "PERSON" and end <= pron.i and (best is None or start > best[0]):
            best = (start, end)
    if best is None:
        return None
    return (), article.doc[best[0] : best[1]].text, pron.i


def _previous_subject(article: Article, pron):
    """ "It"/"they" as the subject of the verb its clause depends on ("Residents said they had not eaten":
    the residents), else of the last main clause before this sentence; only when the number agrees."""
    doc, plural = article.doc, pron.lower_ == "they"
    governing = _governing_subject(pron)
    if governing is not None:
        resolved = _as_subject(article, governing, pron, plural)
        if resolved is not None:
            return resolved  # else "Most countries have banned it, but it remains lawful": look further back
    sent_start = pron.sent.start
    for i in range(sent_start - 1, -1, -1):
        tok = doc[i]
        if tok.dep_ not in SUBJECT_DEPS or tok.head.dep_ != "ROOT" or tok.pos_ == "PRON":
            continue
        return _as_subject(article, tok, pron, plural)
    return None


def _governing_subject(pron):
    """The subject of the verb that the pronoun's clause is the complement of ("Residents said they …"), in
    the same sentence. Not across "and"/"but": in "Semper produced a design, but it was rejected", "it" is
    the design."""
    verb = pron.head
    while verb.dep_ == "ccomp" and verb.head.i != verb.i:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            # "It will end before the winter, the army said": a speaker named after the pronoun is not it.
            return None if subject.pos_ == "PRON" or subject.i > pron.i else subject
    return None


def _as_subject(article: Article, tok, pron, plural: bool):
    doc = article.doc
    if (tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)) != plural:
        return None
    if tok.ent_type_ == "PERSON":
        return None  # people are "he" or "she"; "they" after a person is someone else
    start, end = article.chunk_of.get(tok.i, (tok.i, tok.i + 1))
    return (), lower_first(doc, doc[start:end].text, start), pron.i
