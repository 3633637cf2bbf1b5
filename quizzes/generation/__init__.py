"""Passage's question generator: plain Python over one spaCy parse per article (no Django here).

spaCy is imported only when a question is asked for, so importing this package stays cheap."""

from .ask import question_for_answer
from .draft import Draft
from .errors import GenerationError
from .mix import with_true_false
from .pipeline import generate_questions

# Stored on every generated question. Bump it when the drafts for the same text change, so a teacher's older
# drafts can be told from new ones (and data/demo/review.json must be reviewed again: tests/test_demo.py).
# 3: "who" for groups of people; answers keep their "of" phrase and drop a leading "only"; stranded
# participles and dangling "and"s left out; "Ask about this" blanks a selection that is only part of a
# noun phrase and asks "What is X?" for the complement of "is"
# 4: a participle after a past verb is its subject's own statement ("…, boasting four Pro Bowl selections");
# a participle joined to a passive stays passive; no half of a hyphenated word as an answer; "with X
# saying …" left out of questions; cross-references ("See image … below.") not asked about; no "how many" for
# a number that counts nothing ("was one of", "Jews (36.9%)"); a sentence's first word moved later loses its
# capital ("What are their local rivals?"), and a copula agrees with a plural complement; a list read as an
# apposition makes no statement, and "of whom" clauses no question; a reduced passive with a date is past
# ("When was a written constitution enacted?"); "how much" for amounts with units and shares, no "how many"
# before a singular noun ("at one time") or for an ordinal; a capitalised word the article also writes in
# lower case is no name ("What was discovered …?", not "Who …" for "Oxygen"); no "when" for one of two
# dates on one verb
# 5: a verb that opens a sentence loses its capital when moved, even inside a misread name ("What would
# recapturing Mosul mark?"); "who" for a caliph and for followers; "Ask about this" in a verb joined to
# another keeps only their shared subject ("Iraqi troops have been held up by …"), and the subject of
# "with X saying Y" asks "Who said Y?"; one item of a list that goes on after it is a blank ("including
# the Iraqi army and special forces, _____ and Shia militias", not "…, what and Shia militias …?"); the
# subject of "said" is asked with what was said ("Who said he feared losing customers?"); a duration asks
# "how long" and "every five years" "how often"; a sentence-opening abstract noun the tagger took for a name
# loses its capital ("When will construction begin?"); a bare year the tagger calls a number gets years
# for wrong choices (2023: 2024, 2021, 2026, not 1000, 3000, 4000); "Who led the team?", not "… The
# team?"; a quotation cut at its comma is asked without it; money that describes a noun ("a £1.5 million
# grant") is not asked as "By how much …?"; a participle after a noun's own place phrase ("a bakery on
# Pudding Lane owned by …") makes no statement, the parser cannot tell which noun it describes; "the Great
# Fire of London" moved into a question writes its "the" small; "Ask about this" on one item of a list
# never asks about the whole list ("Who spoke at the meeting?" had three right answers)
# 6: "Ask about this" on items of an "and" list names the others ("Besides residents and shop owners, who
# spoke at the meeting?"), where it wrote "Residents, shop owners and who spoke …?" or a blank; a title the
# model read as part of a name ("Councillor Tom Reed") stays out of answers and wrong choices; an age the
# model calls a date asks "at what age" or "how old", not "at age when?" or "How long was she?"; from a
# match report: a sports story's team is asked "who" with teams for wrong choices, not Unicef; a person the
# model took for a place ("striker Jamal Okafor"), or named by surname alone ("Okafor scored"), is a person;
# "In which minute …?" with "71st" for answer; no question about what "neither team" or "no one" did; a list
# the parser hung on the verb loses no "and"; a title the parser cut from its name is not left behind; "in
# the past five years" is no "when"; a sentence's first "The" is written small unless it is part of a name;
# from a by-election report: a party is asked "who" with parties (and "the _____ candidate" party names) for
# wrong choices; a one-word "person" only ever opening a sentence ("Turnout") is none; "she" after "Price
# said" is Price; "a local GP" is no organisation; a surname alone is offered among surnames; "after 14
# years" is no "after when"; "for the first time" is no "what for"; "the balance of power" is answered whole;
# from a flood-barrier story: a span of years is no "when" ("six years after …", "the two years of
# roadworks drove …"), "every month" gets other frequencies, and a word after a closing quotation counts as
# a sentence's first word where the parser ran the two sentences together ("When did construction begin?");
# "Saturday morning" is one time, asked "when"; "at 7pm" asks "At what time …?"; an age in a generated
# draft is answered by its number ("At what age will the mayor retire?" 65). From a review of these
# rules: "the first Monday of each month" keeps its day, "South Sudan" stays a place, an article is about
# parties only if it names one and about sport only by a match's words, a team is a plural name, "the Hall"
# is no Sarah Hall, a sentence-opening "The" of an answer is matched by its wrong choices' "The"
GENERATOR_VERSION = "passage-qg-6"

__all__ = [
    "GENERATOR_VERSION",
    "Draft",
    "GenerationError",
    "generate_questions",
    "question_for_answer",
    "with_true_false",
]
