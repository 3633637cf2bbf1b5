"""Statements into questions: wh-word in place of a subject, or subject-auxiliary inversion with
do-support ("When did Abu Bakr al-Baghdadi first announce …?") for everything else."""

from __future__ import annotations

from .render import as_question, as_statement, join_items, lower_first
from .simplify import VERB_SLOT, Clause

_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}
_PLURAL = {"is": "are", "was": "were"}
_DO = {"VBD": "did", "VBN": "did", "VBZ": "does", "VBP": "do"}


def _is_verb(clause: Clause, item) -> bool:
    return item == VERB_SLOT or (isinstance(item, int) and item == clause.verb)


def _verb_surface(doc, clause: Clause) -> str:
    return clause.verb_literal or doc[clause.verb].text


def _is_copula(doc, clause: Clause) -> bool:
    if clause.verb < 0:
        return True
    return not clause.auxes and doc[clause.verb].lemma_ == "be" and clause.verb_literal is None


def _subject_for_middle(doc, clause: Clause) -> str:
    first = min(clause.subject) if clause.subject else None
    return lower_first(doc, clause.subject_text, first)


def _front_as_tail(doc, clause: Clause, drop: set[int]) -> list[int | str]:
    kept = [i for i in clause.front if i not in drop]
    if len(kept) > 5:
        return []  # long fronted phrases ("In an apparent attempt to …") only lengthen the question
    if not kept:
        return []
    return [lower_first(doc, doc[kept[0]].text, kept[0]), *kept[1:]]


def subject_question(doc, clause: Clause, wh: str, drop: frozenset[int] = frozenset()) -> str | None:
    content = [i for i in clause.body if i != clause.verb and i != VERB_SLOT and i not in drop]
    if not any(isinstance(i, str) or doc[i].pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "PRON") for i in content):
        return None  # "What has been fighting?" asks nothing a reader can check
    items: list[int | str] = [wh]
    verb_group = [*clause.auxes, *(i for i in clause.body if i not in drop)]
    singular = not wh.lower().startswith("how many")  # "Who has …", "What recaptures …"
    # "What are their local rivals?": after a copula the verb agrees with the plural it equates the answer to.
    plural_be = _is_copula(doc, clause) and _plural_complement(doc, clause, drop)
    for n, item in enumerate(verb_group):
        if _is_verb(clause, item):
            verb = doc[clause.verb] if clause.verb >= 0 else None
            present_plural = n == 0 and singular and verb is not None and verb.tag_ in ("VBP", "VB")
            item = (
                third_person(verb.lemma_)
                if present_plural and verb is not None
                else _verb_surface(doc, clause)
            )
        if n == 0 and plural_be:
            word = item if isinstance(item, str) else doc[item].text
            item = _PLURAL.get(word.lower(), word)
        elif n == 0 and singular:
            word = item if isinstance(item, str) else doc[item].text
            if word.lower() in _SINGULAR:
                item = _SINGULAR[word.lower()]
        items.append(item)
    items.extend(_front_as_tail(doc, clause, set(drop)))
    return as_question(join_items(doc, items))


def _plural_complement(doc, clause: Clause, drop) -> bool:
    """Whether the phrase a copula joins the (asked-for) subject to is a plural noun phrase."""
    tokens = [i for i in clause.body if isinstance(i, int) and i != clause.verb and i not in drop]
    inside = set(tokens)
    if clause.verb >= 0:  # "X is/was [attr]": the attribute, not a noun deeper in the sentence
        heads = [doc[i] for i in tokens if doc[i].dep_ == "attr" and doc[i].head.i == clause.verb]
    else:  # an appositive's description: the head of its phrase
        heads = [doc[i] for i in tokens if doc[i].head.i not in inside]
    return bool(heads) and heads[0].tag_ in ("NNS", "NNPS")


def inverted_question(doc, clause: Clause, wh: str, drop: set[int]) -> str | None:
    """wh + auxiliary + subject + rest, with `drop` (the answer phrase) taken out."""
    body = [i for i in clause.body if not (isinstance(i, int) and i in drop)]
    subject = _subject_for_middle(doc, clause)
    if clause.auxes:
        head: list[int | str] = [wh, clause.auxes[0], subject, *clause.auxes[1:]]
        rest = [(_verb_surface(doc, clause) if _is_verb(clause, i) else i) for i in body]
    elif _is_copula(doc, clause):
        head = [wh, _verb_surface(doc, clause), subject]
        rest = [i for i in body if not _is_verb(clause, i)]
    else:
        verb = doc[clause.verb]
        do = "did" if clause.verb_literal else _DO.get(verb.tag_)
        if do is None:
            return None
        head = [wh, do, subject]
        rest = [(verb.lemma_ if _is_verb(clause, i) else i) for i in body]
    items = head + rest + _front_as_tail(doc, clause, drop)
    return as_question(join_items(doc, items))


def statement(doc, clause: Clause, replace: dict[int, str] | None = None) -> str:
    """The clause as a standalone sentence, optionally with one phrase swapped (for true/false)."""
    replace = replace or {}
    items: list[int | str] = []
    skip: set[int] = set()
    for start, _text in replace.items():
        skip.update(range(start + 1, start + 200))
    for item in [*clause.front, "\x00S", *clause.auxes, *clause.body]:
        if item == "\x00S":
            items.append(clause.subject_text if clause.front == () else _subject_for_middle(doc, clause))
        elif _is_verb(clause, item):
            items.append(_verb_surface(doc, clause))
        elif isinstance(item, int) and item in replace:
            items.append(replace[item])
        else:
            items.append(item)
    return as_statement(join_items(doc, items))


def third_person(lemma: str) -> str:
    if lemma in ("be", "have"):
        return {"be": "is", "have": "has"}[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"
