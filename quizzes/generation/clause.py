"""A clause as the generator sees it, and which tokens belong to a clause's own phrases."""

from __future__ import annotations

from dataclasses import dataclass

from .sentences import Segment

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
    source: str  # main | relative | conj | participle | agent | appos | reduced


VERB_SLOT = "\x00V"


def collect(tok, out: list[int], seg: Segment) -> None:
    """Tokens of tok's phrase that belong to its own clause (nested clauses are lifted separately)."""
    out.append(tok.i)
    for child in tok.children:
        if seg.start <= child.i < seg.end and not breaks_clause(child):
            collect(child, out, seg)


def breaks_clause(child) -> bool:
    dep, head = child.dep_, child.head
    if dep in BREAK_DEPS or child.is_space:
        return True
    if dep == "conj" and child.pos_ in ("VERB", "AUX"):
        return True
    if dep == "npadvmod" and any(c.dep_ == "mark" and c.i > child.i for c in head.children):
        return True  # "six years [after the project was approved]": the span measures "after", not "approved"
    if is_noun_conjunct_of_a_verb(child):
        return True  # a list the parser hung on the verb ("receive a trophy and [£5,000]"): its "and" goes
    if dep == "cc" and head.pos_ in ("VERB", "AUX"):
        return True
    if dep == "cc" and _joins_only_lifted(child):
        return True  # "a coalition … and [backed by air strikes]": the "and" would be left dangling
    if dep == "acl" and any(c.dep_ == "agent" for c in child.children):
        return True
    if dep == "acl" and child.tag_ in ("VBN", "VBG") and _all_of_it_lifted(child):
        return True  # "tunnels dug [to allow fighters to escape]": "dug" alone would dangle
    if dep == "prep" and child.lower_ == "with" and any(_has_own_subject(c) for c in child.children):
        return True  # "with Boris Johnson saying …": a clause of its own, not a phrase of this one
    if dep == "advmod" and (child.tag_ == "WRB" or (child.lower_ in DISCOURSE and child.i < head.i)):
        return True
    if child.is_punct:
        return not (_inside_word(child) or _list_comma(child))
    return False


def is_noun_conjunct_of_a_verb(tok) -> bool:
    """A noun the parser made a conjunct of a verb ("receive a trophy and £5,000", "£5,000" hung on
    "receive"): the second item of a list whose first is the verb's object."""
    return tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN", "NUM") and tok.head.pos_ in ("VERB", "AUX")


def _has_own_subject(verb) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _joins_only_lifted(cc) -> bool:
    following = [c for c in cc.head.children if c.dep_ == "conj" and c.i > cc.i]
    return bool(following) and all(breaks_clause(c) for c in following)


def _all_of_it_lifted(participle) -> bool:
    children = list(participle.children)
    return bool(children) and all(c.dep_ in BREAK_DEPS for c in children)


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
