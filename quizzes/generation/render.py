"""Turning token indices and literal words back into readable text, spacing as the article had it."""

from __future__ import annotations

import re

from .textnorm import opens_sentence

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.?!%)\]’'”]|'s\b|n't\b)")
_SPACE_AFTER_OPEN = re.compile(r"([(\[“])\s+")
_EDGE_PUNCT = re.compile(r"^[\s,;:–—-]+|[\s,;:–—-]+$")
_REPEATED_COMMA = re.compile(r",(\s*,)+")
_UNBALANCED_QUOTES = re.compile(r"[“”\"]")


def join_items(doc, items) -> str:
    """Items are token indices (kept in the order given) or literal strings; runs of adjacent tokens keep
    the article's own spacing ("al-Baghdadi", "counter-offensive")."""
    pieces: list[str] = []
    run_start: int | None = None
    prev: int | None = None
    for item in items:
        if isinstance(item, int) and prev is not None and item == prev + 1:
            prev = item
            continue
        if run_start is not None and prev is not None:
            pieces.append(_run_text(doc, run_start, prev, moved=bool(pieces)))
            run_start = prev = None
        if isinstance(item, int):
            run_start = prev = item
        elif item:
            pieces.append(item)
    if run_start is not None and prev is not None:
        pieces.append(_run_text(doc, run_start, prev, moved=bool(pieces)))
    return tidy(" ".join(pieces))


def _run_text(doc, start: int, end: int, *, moved: bool) -> str:
    """A run of tokens; one that began its sentence but now follows other words loses the capital it had
    for that ("What is their local rivals?", not "What is Their local rivals?"), unless it is a name."""
    text = doc[start : end + 1].text
    return lower_first(doc, text, start) if moved and opens_sentence(doc[start]) else text


def tidy(text: str) -> str:
    text = " ".join(text.split())
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _REPEATED_COMMA.sub(",", text)
    text = _EDGE_PUNCT.sub("", text)
    if len(_UNBALANCED_QUOTES.findall(text)) % 2:
        text = _UNBALANCED_QUOTES.sub("", text)
    return text.strip()


COMMON_NOUN_ENDING = re.compile(r"..(tion|sion|ment|ness|ship)s?$")
# Entities whose "the" is written small in running text ("when the Great Fire of London began"); works,
# organisations and people's groups often carry it in their names ("The Times", "The Beatles").
THE_IS_NOT_NAMED = frozenset({"EVENT", "FAC", "GPE", "LOC", "LAW", "NORP"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
FUNCTION_POS = frozenset({"ADP", "DET", "SCONJ", "CCONJ", "PART", "AUX", "PRON"})

_STUTTER = re.compile(r"\b(in|on|at|to|with|by|for|of|from|the|a|an) \1\b", re.IGNORECASE)


def as_question(text: str) -> str:
    text = _STUTTER.sub(r"\1", tidy(text)).rstrip(".!?;:,")
    return text[:1].upper() + text[1:] + "?" if text else ""


def as_statement(text: str) -> str:
    text = tidy(text).rstrip(".!?;:,")
    return text[:1].upper() + text[1:] + "." if text else ""


def lower_first(doc, text: str, first_token: int | None) -> str:
    """Lower-case a phrase moved out of sentence-initial position unless it starts with a name."""
    if not text or first_token is None or _keeps_capital(doc, doc[first_token]):
        return text
    return text[:1].lower() + text[1:]


def _keeps_capital(doc, tok) -> bool:
    """Whether a phrase's first word is a name (or "I", or an acronym): capitalised wherever it stands."""
    from .sentences import capitalized_words

    # A verb is never a name, even where the tagger put one inside an entity ("Recapturing Mosul").
    if written_lower_elsewhere(tok) or (opens_sentence(tok) and tok.tag_ in _VERB_TAGS):
        return False
    if _capital_only_from_the_sentence(tok):
        return False
    if tok.text == "I" or tok.pos_ == "PROPN" or (len(tok.text) > 1 and tok.text.isupper()):
        return True  # a name, or an acronym the tagger took for a pronoun ("US-led")
    # "After" or "The" is never a name, even where a missed sentence break left it capitalised mid-sentence.
    if tok.pos_ not in FUNCTION_POS and tok.text in capitalized_words(doc):
        return True
    if tok.ent_type_ in THE_IS_NOT_NAMED and tok.lower_ == "the":
        return False  # "the Great Fire of London"; but "The Times" keeps its capital
    if tok.text == "The" and opens_sentence(tok):
        return _the_of_a_title(tok)
    # A name; "Today" or "Three" at a sentence start is not one.
    return bool(tok.ent_type_) and tok.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL")


def _the_of_a_title(the) -> bool:
    """A sentence's first "The" is part of a name only if the article also writes it capitalised in the
    middle of a sentence before the same word ("told The Times"): "The Riverside Rovers" of a sentence's
    start, which the model tagged as a title, is "the Riverside Rovers" in a question."""
    from .sentences import words_after_a_capital_the

    following = _next_token(the)
    return following is not None and following.text in words_after_a_capital_the(the.doc)


def _capital_only_from_the_sentence(tok) -> bool:
    """ "Construction will begin in March": the tagger calls a capitalised first word a proper noun, but one
    that is no entity, stands alone, has the ending of an abstract noun and is never capitalised
    mid-sentence is a common word. (Without the ending, "Lindisfarne" and "Algiers" lost their capitals.)"""
    from .sentences import capitalized_words

    if not opens_sentence(tok) or tok.pos_ != "PROPN" or tok.ent_type_ or not tok.is_title:
        return False
    if not COMMON_NOUN_ENDING.search(tok.lower_):
        return False
    following = _next_token(tok)
    if following is not None and following.pos_ == "PROPN":
        return False  # "Main Street", "Abu Bakr": a name of several words
    return tok.text not in capitalized_words(tok.doc)


def written_lower_elsewhere(tok) -> bool:
    """A capitalised one-word "name" at a sentence start that the article also writes in lower case: the
    tagger's guess from the capital ("Oxygen was discovered …"), not a name."""
    if not opens_sentence(tok) or tok.ent_iob_ != "B" or not tok.is_title or len(tok.text) < 2:
        return False  # all capitals ("US", "I") are written so everywhere
    following = _next_token(tok)
    if following is not None and following.ent_iob_ == "I":
        return False  # "Abu Bakr …": a name of several words
    from .sentences import lowercase_words

    return tok.lower_ in lowercase_words(tok.doc)


def _next_token(tok):
    return tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
