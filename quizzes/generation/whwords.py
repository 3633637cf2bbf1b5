"""The wh-phrase an answer's type and place in the clause call for."""

from __future__ import annotations

import re

from .data import CITIES, COUNTRIES, COUNTRY_ALIASES, ORGANISATION_LISTS, is_party_name
from .render import written_lower_elsewhere
from .textnorm import is_span

WHEN_PREPS = frozenset({"in", "on", "at", "during"})
SPAN_PREPS = frozenset({"over", "through", "throughout", "from", "between", "around", "about"})
WHERE_PREPS = frozenset({"in", "at", "to", "into", "near", "inside"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PERSON_NOUNS = frozenset(
    "leader president king queen man woman person people player coach teacher scientist author writer "
    "minister official envoy soldier emperor pope bishop student inventor engineer founder troop militant "
    "fighter resident rebel officer worker citizen refugee journalist militia executive chairman director "
    "spokesman spokeswoman spokesperson manager mayor governor judge doctor nurse commander customer "
    "investor voter child parent patient victim survivor witness protester civilian volunteer researcher "
    "expert activist farmer lawyer priest son daughter father mother brother sister husband wife "
    # Roles news and encyclopaedia text names people by ("the suspect was charged", "the pilot landed").
    "suspect prisoner hostage pupil friend neighbour neighbor colleague employee diplomat politician senator "
    "lawmaker candidate ambassador negotiator guard pilot passenger athlete artist singer actor actress "
    "musician poet novelist composer painter architect philosopher historian economist analyst reporter "
    "editor owner employer tourist visitor immigrant migrant settler prince princess duke general colonel "
    "captain sergeant admiral ruler dictator monarch heir uncle aunt cousin boy girl teenager "
    "supporter opponent champion professor scholar physician surgeon firefighter detective "
    "prosecutor attorney defendant inmate criminal gunman attacker kidnapper insurgent veteran "
    "sailor quarterback cornerback police caliph follower diarist baker".split()
)
# Nouns that name people only in the plural: "Iraqi forces discovered …" (but "the force of the blast").
PLURAL_PERSON_NOUNS = frozenset({"force"})
# Nouns for a body of people only when a person noun says who is in it: "militia groups", "a team of
# doctors" (but "a group of islands", "the research unit").
COLLECTIVE_NOUNS = frozenset({"group", "unit", "band", "gang", "squad", "team", "crowd"})
SHARE_WORDS = re.compile(r"\b(half|halves|third|thirds|quarter|quarters|fraction)\b", re.IGNORECASE)
ORDINAL = re.compile(
    r"^(the )?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(st|nd|rd|th))$",
    re.IGNORECASE,
)
TIME_PREPS = frozenset({"before", "after", "until", "till", "during", "since"})
RECENT_SPAN = re.compile(r"^the (past|last|next|previous|coming) ", re.IGNORECASE)
ORDINAL_UNIT = re.compile(
    r"^the (?:\w+st|\w+nd|\w+rd|\w+th|first|second|third|final|last|opening|closing) "
    r"(minute|lap|round|inning|innings|quarter|half|period|hour|over|set|game)$",
    re.IGNORECASE,
)
AGE = re.compile(r"^(the )?age\b|\bold$", re.IGNORECASE)  # "age 38", "the age of 65", "65 years old"
YEAR = re.compile(r"^(in |the )?(1[0-9]{3}|20[0-9]{2})s?$")


def wh_for(label: str, role: str, text: str, head, prep) -> tuple[str, bool] | None:
    """(wh-phrase, whether the preposition goes too) for an answer of `label` in `role`."""
    p = prep.lower_ if prep is not None else ""
    if (label == "PERSON" and not written_lower_elsewhere(head)) or (label == "NP" and names_people(head)):
        return "who", False
    if label == "DATE":
        if text.lower().startswith("every ") and role != "nested":
            return "how often", role == "pp"  # "elections take place every five years"
        if role == "nested":
            return None  # "the plan for two years" made "When have residents opposed the plan for?"
        if AGE.search(text):  # the model calls an age a date: "How long was she?" for "65 years old"
            if role == "object" and text.lower().endswith(" old"):
                return "how old", False
            return ("at what age", True) if role == "pp" and p == "at" else None
        if role == "pp" and p == "in" and RECENT_SPAN.match(text):
            return None  # "won the cup three times in the past five years": no "when" answers that
        if role == "pp" and p in WHEN_PREPS:
            return "when", True
        if role == "pp" and p == "since" and _first_or_most_since(prep):
            return None  # "his first message since last December" says nothing happened since then
        if role == "pp" and p in ("since", "until", "before", "after", "by"):
            # "resigned after 14 years in the role": "After when …?" asks for a date, which a span is not
            return None if is_span(text) else (f"{p} when", True)
        if role == "npadvmod":
            return None if is_span(text) else ("when", True)  # "six years after …" is no "when"
        if role == "subject" and is_span(text):
            return None  # "the two years of roadworks drove customers away": "When drove customers away?"
        if role == "pp" and p == "for" and is_span(text):
            return "how long", True  # "fighting for the past two weeks" (but "scheduled for March 3": when)
        if role == "object" and is_span(text):
            return "how long", False  # "a debate that lasted nearly three years"
        if role == "pp" and (p == "within" or (p in SPAN_PREPS and is_span(text))):
            return None  # "retaken within weeks", "over two decades" answer no "when"
        return ("what year" if YEAR.match(text) else "when"), role == "pp"
    if label in PLACE_LABELS:
        if role == "pp" and p in WHERE_PREPS:
            return "where", True
        if role in ("pp", "nested"):
            return None  # "Which country do forces recapture towns across?" reads badly
        kind = head.doc.user_data.get("qg_place_kind", {}).get(text)
        if kind is not None:
            return f"which {kind}", False
        if text.removeprefix("the ") in COUNTRIES or text.removeprefix("the ") in COUNTRY_ALIASES:
            return "which country", False
        return ("which city" if text in CITIES else "what"), False
    if label == "ORG" and role in ("subject", "object") and (_a_party(head, text) or _a_team(head, text)):
        # "Who won the cup?", "Who has won a seat?", as quiz writers ask it, not "What won the cup?" ("Which
        # party" would give away "the Green Party")
        return "who", False
    if label == "MONEY":
        return "how much", role == "pp"
    if label == "PERCENT":
        return "what percentage", role == "pp"
    if label in ("CARDINAL", "QUANTITY"):
        if ORDINAL.match(text):
            return None  # "The first shows …" made "How many shows …? (first)"
        if role not in ("subject", "object"):
            return "what", False
        # An amount with its unit or a share is measured, not counted: "How much does this basin
        # encompass?" (7,000,000 square kilometres), not "How many does …?"
        return ("how much" if label == "QUANTITY" or SHARE_WORDS.search(text) else "how many"), False
    if label == "NP" and role == "pp" and p in TIME_PREPS:
        return None  # "What did Rovers equalise just before?" (half-time) asks "when" with a stranded word
    if label == "TIME":
        unit = ORDINAL_UNIT.match(text)
        if unit is not None:  # "in the 71st minute": "In which minute …?", not "What time … in?"
            return (f"in which {unit.group(1)}", True) if role == "pp" and p in ("in", "during") else None
        if role == "pp" and p == "at":
            return "at what time", True  # "At what time did the meeting start?", not "What time … at?"
        if role == "pp" and p in WHEN_PREPS:
            return "when", True  # "in the evening"
        return "what time", False
    return "what", False


def form_name(wh: str, role: str) -> str:
    first = wh.split()[0] if wh else "what"
    if wh.startswith("how many") or wh.startswith("how much"):
        return wh.replace(" ", "_")[:8]
    if wh == "how long":
        return "how_long"
    if wh in ("how old", "at what age"):
        return "how_old"
    if wh.startswith("in which ") or wh == "at what time":
        return "when"
    if first in ("when", "where", "which") or wh.endswith("when"):
        return "when" if wh.endswith("when") else first
    if wh == "what year":
        return "when"
    return f"{first}_{'subject' if role == 'subject' else 'object'}"


def _a_party(head, text: str) -> bool:
    """A political party in a story about an election: "the Green Party", "Labour"."""
    if head.doc.user_data.get("qg_org_kind") != "party":
        return False
    bare = text.removeprefix("the ").removeprefix("The ")
    return is_party_name(text) or f"the {bare}" in ORGANISATION_LISTS["party"]


def _a_team(head, text: str) -> bool:
    """A sports article's club named in the plural ("the Hawks", "the Denver Broncos"): a team. Other
    organisations in a sports story (a league, a sponsor, "Manchester United") keep "what"."""
    if head.doc.user_data.get("qg_org_kind") != "sports":
        return False
    return head.tag_ == "NNPS"  # "the Hawks"; not "Rockstar Games", which the tagger calls singular


def names_people(head) -> bool:
    lemma = head.lemma_.lower()
    if lemma in COLLECTIVE_NOUNS:
        members = [c for c in head.children if c.dep_ == "compound"]
        for of in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            members.extend(c for c in of.children if c.dep_ == "pobj")
        return any(names_people(member) for member in members)
    return lemma in PERSON_NOUNS or (head.tag_ == "NNS" and lemma in PLURAL_PERSON_NOUNS)


RECORD_WINDOW = 4  # "his first audio message since": the words just before "since", within its phrase


def _first_or_most_since(prep) -> bool:
    """ "The first … since" or "the fastest … since": the date bounds a record, not when anything began.
    Only the words just before "since" count: in "the largest city has been under siege since June", the
    siege began in June."""
    doc = prep.doc
    for i in range(prep.i - 1, max(prep.sent.start, prep.i - RECORD_WINDOW) - 1, -1):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX", "PUNCT"):
            return False
        if tok.tag_ in ("JJS", "RBS") or tok.ent_type_ == "ORDINAL" or tok.lower_ == "first":
            return True
    return False
