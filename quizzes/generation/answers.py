"""Choosing answer phrases in a clause (subjects, objects, prepositional objects, dates, numbers) and the
wh-phrase each one's type calls for."""

from __future__ import annotations

from dataclasses import dataclass

from .clause import is_noun_conjunct_of_a_verb
from .sentences import Article
from .simplify import Clause, phrase
from .whwords import COLLECTIVE_NOUNS, form_name, wh_for

OBJECT_DEPS = frozenset({"dobj", "attr", "dative", "oprd", "acomp"})
SAY_VERBS = frozenset("say tweet tell add state warn claim write insist argue explain declare report".split())


@dataclass(frozen=True)
class Candidate:
    clause: Clause
    start: int  # answer token range, end exclusive
    end: int
    label: str  # entity label, or "NP" for a plain noun phrase
    wh: str
    role: str  # subject | object | pp | nested
    drop: frozenset[int]
    form: str
    head: int = -1  # the argument's head token


GENERIC_NOUNS = frozenset(
    "one many much some most all part parts way ways time times example name form forms kind type types "
    "number lot use home list thing things place case fact result end side area areas order term terms "
    "member members group groups other others first second rest addition instance amount level levels".split()
)


def too_generic(doc, start: int, end: int) -> bool:
    """ "name", "home", "example": answers no teacher would ask for."""
    words = [t for t in doc[start:end] if not t.is_punct]
    if not words or all(t.is_stop for t in words):
        return True
    return (
        len(words) == 1
        and not words[0].ent_type_
        and (words[0].lemma_.lower() in GENERIC_NOUNS or words[0].pos_ not in ("NOUN", "PROPN", "NUM"))
    )


# "Only Iraqi army forces are entering Mosul": the answer is "Iraqi army forces"; the adverb belongs to the
# statement, not to the thing named.
FOCUS_ADVERBS = frozenset({"only", "just", "merely", "solely"})
# Nouns that say what something is only with their "of" phrase: "a huge network of tunnels".
OF_NOUNS = frozenset(
    "network series set range collection pair handful number wave chain string variety majority balance "
    "state lack".split()
)
MEMBER_NOUNS = COLLECTIVE_NOUNS | OF_NOUNS  # built once: core_span runs for every answer candidate


def core_span(article: Article, head) -> tuple[int, int, str] | None:
    """The answer phrase around an argument's head: its entity, or its noun chunk without the article."""
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    if conjuncts:  # one item of a list is only part of the answer: ask for the whole list
        start = _past_focus_adverb(
            head.doc, article.chunk_of.get(head.i, (head.i, head.i + 1))[0], head.i + 1
        )
        while head.doc[start].tag_ in ("DT", "PRP$", "PDT") and start < head.i:
            start += 1
        end = conjuncts[-1].right_edge.i + 1
        return (start, end, "NP") if end - start <= 8 else None
    ent = article.entity_of.get(head.i)
    if ent is not None and ent[2] != "ORDINAL":
        start, end, label = ent
        if end - start > 1 and head.doc[end - 1].tag_ == "POS":
            end -= 1  # "William Tyndale's" -> "William Tyndale"
        return start, end, label
    if head.pos_ == "PRON" or head.tag_ in ("WDT", "WP", "EX"):
        return None
    start, end = article.chunk_of.get(head.i, (head.i, head.i + 1))
    doc = head.doc
    start = _past_focus_adverb(doc, start, end)
    while start < end - 1 and (doc[start].tag_ in ("DT", "PRP$", "PDT") or doc[start].is_punct):
        start += 1
    end = _with_its_members(article, head, start, end)
    return start, end, ("CARDINAL" if head.like_num else "NP")


def _past_focus_adverb(doc, start: int, end: int) -> int:
    """Past an "only" that opens the phrase ("Only Iraqi army forces are entering"), which is about the
    statement; not one after a determiner ("the only survivor"), where it is part of the thing named."""
    return start + 1 if start < end - 1 and doc[start].lower_ in FOCUS_ADVERBS else start


def _with_its_members(article: Article, head, start: int, end: int) -> int:
    """ "a small group of engineers", not "small group": a collective noun says little without its "of"."""
    if head.lemma_.lower() not in MEMBER_NOUNS:
        return end
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == end), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None:
        return end
    member_end = article.chunk_of.get(pobj.i, (pobj.i, pobj.i + 1))[1]
    return member_end if member_end - start <= 8 else end


def candidates(article: Article, clause: Clause) -> list[Candidate]:
    doc, found = article.doc, list[Candidate]()
    if clause.verb >= 0 and doc[clause.verb].lemma_.lower() in SAY_VERBS:
        return found  # what was said is lifted as its own clause; "who said" covers the speaker
    if clause.subject:
        found.extend(
            _for_argument(
                article, clause, doc[clause.subject_head], "subject", None, frozenset(clause.subject)
            )
        )
    in_clause = {i for i in (*clause.body, *clause.front) if isinstance(i, int)}
    if clause.verb < 0:  # appositive: the descriptive phrase is the attribute
        head = next((doc[i] for i in in_clause if doc[i].head.i not in in_clause), None)
        if head is not None:
            found.extend(_for_argument(article, clause, head, "object", None, frozenset(in_clause)))
        return found
    for verb in _verbs(doc[clause.verb], in_clause):
        for child in verb.children:
            if child.i in in_clause:
                found.extend(_for_child(article, clause, child, in_clause))
    return [
        cand
        for cand in found
        if not _part_of_hyphenated_word(doc, cand.start, cand.end) and not _one_of_several_dates(doc, cand)
    ]


def _one_of_several_dates(doc, cand: Candidate) -> bool:
    """Two dates on one verb ("discovered by Scheele in 1773 and by Priestley in 1774", which the parser
    hangs both on "discovered"): asking when for one kept the other's words, and the answer was wrong."""
    head = doc[cand.head]
    if cand.label != "DATE" or head.dep_ != "pobj" or head.head.dep_ != "prep":
        return False
    verb = head.head.head
    dated = [
        prep
        for prep in verb.children
        if prep.dep_ == "prep"
        and prep.lower_ in ("in", "on", "at", "during")  # points in time; "from 1870 to 1939" is one span
        and any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in prep.children)
    ]
    return len(dated) > 1


def _part_of_hyphenated_word(doc, start: int, end: int) -> bool:
    """spaCy splits "counter-offensive" in three; "counter" alone made "… to retreat by -offensive?"."""
    glued_before = start > 0 and doc[start - 1].text in HYPHENS and not doc[start - 1].whitespace_
    glued_after = end < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_
    return glued_before or glued_after


HYPHENS = frozenset({"-", "‐", "‑"})


def _verbs(verb, in_clause: set[int]):
    """The clause's verb and the verbs its arguments hang from: "to retake", "by scoring"."""
    yield verb
    for child in verb.children:
        if child.i not in in_clause:
            continue
        if child.dep_ == "xcomp":
            yield from _verbs(child, in_clause)
        elif child.dep_ == "prep":
            for pcomp in child.children:
                if pcomp.dep_ == "pcomp" and pcomp.tag_ == "VBG" and pcomp.i in in_clause:
                    yield from _verbs(pcomp, in_clause)


def _for_child(article: Article, clause: Clause, child, in_clause: set[int]) -> list[Candidate]:
    seg = clause.seg
    if child.dep_ in OBJECT_DEPS:
        drop = frozenset(i for i in phrase(child, seg) if i in in_clause)
        found = _for_argument(article, clause, child, "object", None, drop)
        for prep in (c for c in child.children if c.dep_ == "prep" and c.i in in_clause):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and prep.lower_ != "of":  # "What did they enter the city of?" is no question
                nested = frozenset(i for i in phrase(pobj, seg) if i in in_clause)
                found.extend(_for_argument(article, clause, pobj, "nested", None, nested))
        return found
    if child.dep_ in ("prep", "agent"):
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return []
        drop = frozenset(i for i in phrase(pobj, seg) if i in in_clause)
        return _for_argument(article, clause, pobj, "pp", child, drop)
    if child.dep_ == "npadvmod" and article.entity_of.get(child.i, (0, 0, ""))[2] == "DATE":
        drop = frozenset(i for i in phrase(child, seg) if i in in_clause)
        return _for_argument(article, clause, child, "npadvmod", None, drop)
    return []


def _for_argument(article: Article, clause: Clause, head, role: str, prep, drop) -> list[Candidate]:
    found: list[Candidate] = []
    if _negated(head) or _cut_from_its_title(head) or _one_of_two_phrases(head) or _nth_time(head):
        return found
    # One item of a list is not the answer; "how many paintings" still has one.
    core = None if _listed_with_the_verb(head) else core_span(article, head)
    if core is not None and core[2] == "NP" and too_generic(article.doc, core[0], core[1]):
        core = None
    if core is not None and all(i in drop for i in range(core[0], core[1])):
        text = article.doc[core[0] : core[1]].text
        choice = wh_for(core[2], role, text, head, prep)
        if choice is not None and not (
            core[2] == "CARDINAL" and (role not in ("subject", "object") or _not_a_count(head))
        ):
            wh, with_prep = choice
            full_drop = drop | {prep.i} if (with_prep and prep is not None) else drop
            start, end = _answer_within(article.doc, core[0], core[1], wh)
            found.append(
                Candidate(clause, start, end, core[2], wh, role, full_drop, form_name(wh, role), head.i)
            )
    found.extend(_how_many(article, clause, head, role, prep, drop))
    found.extend(_which_of(article, clause, head, role, drop))
    return found


NEGATIVE_DETERMINERS = frozenset({"no", "neither", "none", "nobody", "nothing"})


def _negated(head) -> bool:
    """ "Neither team could find a winner": "What could find a winner?" has no answer, "team" least of all."""
    return head.lower_ in NEGATIVE_DETERMINERS or any(
        c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in head.children
    )


def _listed_with_the_verb(head) -> bool:
    """An object whose list the parser hung on the verb ("receive [a trophy] and [£5,000]", with "£5,000" a
    conjunct of "receive"): "What will the Rovers receive?" has the other for an answer too."""
    if head.dep_ not in ("dobj", "dative"):
        return False
    return any(is_noun_conjunct_of_a_verb(c) and c.i > head.i for c in head.head.children)


def _answer_within(doc, start: int, end: int, wh: str) -> tuple[int, int]:
    """The part of the phrase the question asks for, where the wh-phrase names the rest: "71st" of "the 71st
    minute" for "In which minute …?", "38" of "age 38" and "65" of "65 years old" for "At what age …?" and
    "How old …?" (the whole phrase would repeat the question's own word, and be refused for it)."""
    if wh.startswith("in which "):
        first = start + 1 if doc[start].lower_ == "the" else start
        return first, max(first + 1, end - 1)
    if wh in ("how old", "at what age"):
        number = next((t.i for t in doc[start:end] if t.like_num), None)
        return (number, number + 1) if number is not None else (start, end)
    return start, end


def _nth_time(head) -> bool:
    """ "for the first time" says how often, not what for: "What has the party won a seat for?" """
    return head.lemma_.lower() == "time" and any(
        c.ent_type_ == "ORDINAL" or c.lower_ == "last" for c in head.children
    )


def _one_of_two_phrases(head) -> bool:
    """The object of the first of two joined phrases ("push for safer crossings and for more frequent
    buses"): "What would Price push for and for more frequent buses?" reads as no question."""
    return head.dep_ == "pobj" and any(c.dep_ == "conj" for c in head.head.children)


def _cut_from_its_title(head) -> bool:
    """A name and its title the parser took for two phrases ("through [captain] [Ellie Brooks]", the name
    an object of the verb): asking for either leaves the other in the question ("Who did Rovers equalise
    through captain?", or "… through Ellie Brooks?" with "captain" for the answer)."""
    doc = head.doc
    if head.dep_ in ("dobj", "attr") and head.pos_ == "PROPN" and head.left_edge.i > 0:
        before = doc[head.left_edge.i - 1]
        return before.pos_ == "NOUN" and before.dep_ == "pobj"
    if head.dep_ == "pobj" and head.pos_ == "NOUN" and head.i + 1 < len(doc):
        after = doc[head.i + 1]
        return after.ent_type_ == "PERSON" and after.ent_iob_ == "B" and after.head.i != head.i
    return False


def _not_a_count(head) -> bool:
    """A number that counts nothing a "how many" could ask for: the complement of "be" ("was one of the
    most common forms" made "How many was corporal punishment?"), or "one of" the things named."""
    return head.dep_ == "attr" or (head.lower_ == "one" and any(c.lower_ == "of" for c in head.children))


NAMED_OF = frozenset({"GPE", "LOC", "ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"})


def _which_of(article: Article, clause: Clause, noun, role: str, drop) -> list[Candidate]:
    """ "the city of Mosul" -> "which city", with the name as the answer."""
    if noun.pos_ != "NOUN" or role in ("nested", "npadvmod"):
        return []
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    ent = article.entity_of.get(pobj.i) if pobj is not None else None
    if (
        pobj is None
        or ent is None
        or ent[2] not in NAMED_OF
        or not all(i in drop for i in range(ent[0], ent[1]))
    ):
        return []
    extra = [i for i in drop if article.doc[i].dep_ not in ("det", "punct") and not (noun.i <= i < ent[1])]
    if any(article.doc[i].head.i in (noun.i, pobj.i) for i in extra):
        return []  # "the old city of Mosul in the north": more than a name to ask about
    wh = f"which {noun.text.lower()}"
    return [
        Candidate(
            clause,
            ent[0],
            ent[1],
            ent[2],
            wh,
            "subject" if role == "subject" else "object",
            drop,
            "which",
            noun.i,
        )
    ]


def _how_many(article: Article, clause: Clause, noun, role: str, prep, drop) -> list[Candidate]:
    """ "100,000 forces" -> how many forces; the number alone is the answer."""
    doc = article.doc
    for child in noun.children:
        ent = article.entity_of.get(child.i)
        # Not an amount of money: "funded by a £1.5 million grant" asked "By how much was it funded?".
        if child.dep_ != "nummod" or ent is None or ent[2] not in ("CARDINAL", "QUANTITY"):
            continue
        start, end, _label = ent
        if end > noun.i or not all(i in drop for i in range(start, end)):
            continue
        if noun.tag_ in ("NN", "NNP"):
            continue  # "at one time": "how many" needs a plural ("At how many time was …?")
        noun_words = doc[end : noun.i + 1].text
        wh = f"how many {noun_words}"
        full_drop = drop
        if role in ("pp", "nested") and prep is not None:
            wh, full_drop = f"{prep.text.lower()} {wh}", drop | {prep.i}
        elif role not in ("subject", "object"):
            continue
        found_role = "subject" if role == "subject" else "object"
        return [
            Candidate(
                clause,
                start,
                end,
                "CARDINAL",
                wh,
                found_role,
                frozenset(full_drop),
                "how_many",
                noun.i,
            )
        ]
    return []
