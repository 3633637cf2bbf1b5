""" "Ask about this": a question whose answer is exactly the phrase a teacher selected."""

from __future__ import annotations

from dataclasses import replace

from .answers import NEGATIVE_DETERMINERS, SAY_VERBS, Candidate, candidates, wh_for
from .build import draft_for, prompt_for
from .draft import Draft
from .errors import MAX_CHARS, PREFIX, GenerationError
from .extras import BLANK
from .lifted import past_tense
from .loader import parse_cached
from .render import FUNCTION_POS, as_question, as_statement, join_items, lower_first
from .sentences import Article, Segment, build_article
from .simplify import SUBJECT_DEPS, clauses, phrase
from .textnorm import leaks
from .trim import shorten


def question_for_answer(text: str, start: int, end: int) -> Draft | None:
    """A draft whose answer is text[start:end] (surrounding spaces trimmed), or None if none can be made."""
    if not isinstance(text, str) or not text.strip():
        raise GenerationError(PREFIX + "the text is empty.")
    if len(text) > MAX_CHARS:
        raise GenerationError(PREFIX + "it is too long.")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return None
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    article = build_article(parse_cached(text))
    seg = next((s for s in article.segments if s.char_start <= start and end <= s.char_end), None)
    if seg is None:
        return None
    answer_tokens = {
        t.i
        for t in article.doc[seg.start : seg.end]
        if t.idx < end and t.idx + len(t) > start and not (t.is_punct or t.is_space)
    }
    if not answer_tokens or all(article.doc[i].pos_ in FUNCTION_POS for i in answer_tokens):
        return None  # "the", "of the": no answer to ask for ("_____ bridge would open …")
    if any(_negative_determiner(article.doc[i]) for i in answer_tokens):
        return None  # "Neither team" did not find a winner: "What could find a winner?" has no answer
    # The hyphen of "half-time" is part of the selection too: "before what - through …" kept it.
    answer_tokens = set(range(min(answer_tokens), max(answer_tokens) + 1))
    return _draft(article, seg, text[start:end], answer_tokens)


def _negative_determiner(tok) -> bool:
    """The "Neither" of "Neither team" (not the "No" of "No Child Left Behind", nor an answer "None")."""
    return tok.dep_ == "det" and tok.lower_ in NEGATIVE_DETERMINERS and not tok.ent_type_


def _best_candidate(article: Article, seg: Segment, answer_tokens: set[int]) -> Candidate | None:
    """The candidate whose argument holds the whole selection and fits it most closely; or, where the
    selection is one item of a list, the candidate that asks for the whole list (see _besides)."""
    doc, best, best_key, whole_list = article.doc, None, None, None
    for clause in clauses(article, [seg]):
        for cand in candidates(article, clause):
            head = doc[cand.head]
            cover = set(cand.drop) | {t.i for t in (head.head if head.dep_ == "pobj" else head).subtree}
            if cand.role == "subject":
                cover |= set(clause.subject)
            if not answer_tokens <= cover:
                continue
            core = set(range(cand.start, cand.end))
            if answer_tokens < core and _one_item_of(doc, core, answer_tokens):
                # "Who spoke?" for "teachers" of "Residents, shop owners and teachers" has 3 answers
                whole_list = whole_list or replace(cand, drop=cand.drop | frozenset(core))
                continue
            fit = len(core & answer_tokens) / len(core | answer_tokens)
            if fit < 0.5 and not (core <= answer_tokens or answer_tokens <= core):
                continue  # the question would ask about something else than the selection
            key = (fit, -len(cover))
            if best_key is None or key > best_key:
                best, best_key = cand, key
    best = best or whole_list
    if best is None:
        return None
    clause = best.clause
    tokens = {i for i in (*clause.subject, *clause.body, *clause.front) if isinstance(i, int)}
    kept = shorten(doc, tokens, answer_tokens | set(best.drop), longest=18)
    return replace(best, drop=best.drop | frozenset(answer_tokens) | frozenset(tokens - kept))


def _label(article: Article, answer_tokens: set[int]) -> str:
    ents = {article.entity_of.get(i) for i in answer_tokens}
    if len(ents) == 1 and None not in ents:
        return next(iter(ents))[2]  # type: ignore[index]
    return "NP"


def _draft(article: Article, seg: Segment, answer: str, answer_tokens: set[int]) -> Draft | None:
    label = _label(article, answer_tokens)
    cand = _best_candidate(article, seg, answer_tokens)
    prompt = prompt_for(article, cand) if cand is not None else None
    if prompt and cand is not None and not answer_tokens >= set(range(cand.start, cand.end)):
        prompt = _besides(article.doc, cand, answer_tokens, prompt)
    form = cand.form if cand is not None else "what_in_place"
    if not prompt or leaks(answer, prompt):
        prompt, form = _in_place(article, seg, answer, label, answer_tokens)
        if len(prompt.split()) < MIN_IN_PLACE_WORDS:
            return None  # "The what led?": too little of the sentence to answer from
    return draft_for(article, seg, prompt, answer, label, form, with_options=label != "NP")


def _in_place(
    article: Article, seg: Segment, answer: str, label: str, answer_tokens: set[int]
) -> tuple[str, str]:
    """The answer's own clause with the phrase replaced by its wh-word ("… was in operation from when?"), as
    (prompt, form). Where the selection is only part of a noun phrase ("The what was …", "according to
    their what?", "cornerback who Norman gave …") or one item of a list that goes on after it, no wh-word
    reads as English, and the clause becomes a fill-in-the-blank instead. Kept to those: against the human
    questions of the quality bench a blank scores lower in BLEU than a wh-question (no "what", no "?"), and
    the score fell below its target when every in-place prompt was a blank."""
    doc = article.doc
    head = _answer_head(doc, answer_tokens)
    tokens = shorten(doc, _local_clause(doc, seg, head), answer_tokens) | answer_tokens
    copular = _copular_question(doc, seg, head, answer_tokens, label)
    if copular is not None:
        return copular, "what_in_place"
    absolute = _absolute_question(doc, seg, head, answer_tokens, label)
    if absolute is not None:
        return absolute, "what_in_place"
    first = min(answer_tokens)
    before = [i for i in sorted(tokens) if i < first]
    if (
        _modifies_head_outside(head, answer_tokens)
        or (before and _modifies_answer(doc[before[-1]], answer_tokens))
        or _amount_of_a_noun(head, label)
        or _before_the_end_of_a_list(head, answer_tokens)
    ):
        return _with_gap(doc, seg, tokens, answer_tokens, BLANK, as_statement), "fill_blank"
    # "Mayor Linda Torres": a person, though the title makes the selection more than the name
    head_entity = article.entity_of.get(head.i)
    person = head_entity is not None and head_entity[2] == "PERSON"
    choice = wh_for("PERSON" if person else label, "object", answer, head, None)
    wh = choice[0] if choice else "what"
    if label == "DATE" and head.dep_ == "pobj" and head.head.lower_ == "for" and first > seg.start:
        span = wh_for(label, "pp", answer, head, head.head)
        wh = span[0] if span and span[0] == "how long" else wh  # "fighting for how long?", not "for when?"
    if head.dep_ == "nummod" and head.head.i > head.i and label in ("CARDINAL", "QUANTITY"):
        noun = doc[max(answer_tokens) + 1 : head.head.i + 1].text
        answer_tokens = answer_tokens | set(range(max(answer_tokens) + 1, head.head.i + 1))
        tokens |= answer_tokens
        tokens -= {c.i for c in head.head.children if c.dep_ == "det"}  # "for the how many cyclists?"
        wh = f"how many {noun}"
    age = _age_of(head)
    if age is not None:  # "at age when?" for the 38 of "at age 38" (the model calls "age 38" a date)
        answer_tokens = answer_tokens | set(range(age.left_edge.i, max(answer_tokens) + 1))
        tokens |= answer_tokens
        wh = "what age"
    if wh.startswith("how "):  # "lasted nearly how long?": the word that hedges the amount goes with it
        tokens -= {
            i for i in tokens if doc[i].dep_ in HEDGE_DEPS and doc[i].head.i in answer_tokens and i < first
        }
    echo = _participle_echo(article, seg, answer_tokens, wh)
    if echo is not None:
        return echo, "what_in_place"
    return _with_gap(doc, seg, tokens, answer_tokens, wh, as_question), "what_in_place"


def _age_of(number):
    """The "age" a number gives ("at age 38", "at the age of 65"), or None."""
    if number.lemma_.lower() == "age":
        return number  # the selection is the whole "the age of 65"
    if not number.like_num:
        return None
    owner = number.head
    if owner.lower_ == "of" and number.dep_ == "pobj":
        owner = owner.head
    return owner if owner.lemma_.lower() == "age" and owner.i < number.i else None


def _participle_echo(article: Article, seg: Segment, answer_tokens: set[int], wh: str) -> str | None:
    """The echo question from the participle's own statement, where the answer is inside one: "The Panthers
    defense also led the NFL in interceptions with how many?", where the sentence's clause cut short read
    "The Panthers defense gave up just 308 points ranking leading the NFL in interceptions with how many?"."""
    doc = article.doc
    for clause in clauses(article, [seg]):
        if clause.source != "participle":
            continue
        rest = [i for i in clause.body[1:] if isinstance(i, int)]
        if not answer_tokens <= set(rest):
            continue
        first = min(answer_tokens)
        gapped = [wh if i == first else i for i in rest if i == first or i not in answer_tokens]
        items = [clause.subject_text, *clause.front, clause.verb_literal or doc[clause.verb].text, *gapped]
        return as_question(join_items(doc, items))
    return None


NOUN_MODIFIERS = frozenset({"det", "poss", "amod", "compound"})
LIST_DEPS = frozenset({"conj", "cc", "punct", "preconj"})  # preconj: the "both" of "both A and B"
COPULA_KEEPS = frozenset({"aux", "auxpass", "neg"})
HEDGE_DEPS = frozenset({"advmod", "quantmod"})  # "nearly three years", "about 300"
SMALL_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
NAME_NOUNS = frozenset({"name", "nickname", "surname", "title"})  # "What is his real name?", not "who"
AMOUNT_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
MIN_IN_PLACE_WORDS = 5  # "What?", "The _____ led.": no question; the teacher is asked for another phrase


def _modifies_answer(token, answer_tokens: set[int]) -> bool:
    """A determiner, possessive, adjective or compound of the selected phrase itself: a wh-word after it
    ("the what", "their what", "Warsaw's what", "cornerback who") would split the phrase."""
    if token.dep_ == "case":  # the "'s" of "Warsaw's": the owner is the modifier
        token = token.head
    return token.head.i in answer_tokens and token.dep_ in NOUN_MODIFIERS


def _modifies_head_outside(head, answer_tokens: set[int]) -> bool:
    """The selection is itself a modifier of a noun left outside it: "Josh" of "cornerback Josh Norman"."""
    return head.dep_ in NOUN_MODIFIERS and head.head.i not in answer_tokens


def _amount_of_a_noun(head, label: str) -> bool:
    """An amount after "of" that measures a noun: "a population of how many?" is no English question, and
    the blank ("The city has a population of _____.") reads as the sentence did."""
    return (
        label in AMOUNT_LABELS
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.pos_ == "NOUN"
    )


def _before_the_end_of_a_list(head, answer_tokens: set[int]) -> bool:
    """One item of a list that goes on after it: "including the Iraqi army and special forces, what and
    Shia militias has been fighting?" reads as no question; the blank reads as the sentence did. Reached only
    where _besides could not name the other items. (The last item keeps its echo, "… and what?": blanking it
    too cost more BLEU than the quality target has left.)"""
    items = _list_items(head)
    return len(items) > 1 and max(answer_tokens) < items[-1].left_edge.i


def _list_items(head) -> list:
    """The items of the list `head` is in (itself alone if none)."""
    first = head
    while first.dep_ == "conj":  # "teachers" hangs on "owners", which hangs on "Residents"
        first = first.head
    items = [first, *(c for c in first.children if c.dep_ == "conj")]
    while items[-1] is not first and any(c.dep_ == "conj" for c in items[-1].children):
        items.append(next(c for c in items[-1].children if c.dep_ == "conj"))
    return items


def _with_gap(doc, seg: Segment, tokens: set[int], answer_tokens: set[int], gap: str, finish) -> str:
    first = min(answer_tokens)
    items = [gap if i == first else i for i in sorted(tokens) if i == first or i not in answer_tokens]
    return finish(join_items(doc, [_antecedent(doc, seg, i) for i in items]))


def _antecedent(doc, seg: Segment, item):
    """A relative pronoun standing as a subject reads as the noun it refers to: "who was" -> "Allen was"."""
    if not isinstance(item, int):
        return item
    tok = doc[item]
    if tok.tag_ in ("WDT", "WP") and tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "relcl":
        noun = tok.head.head
        return join_items(doc, [i for i in phrase(noun, seg) if i < tok.i])
    if tok.tag_ == "WP$":  # "an Iraqi whose real name" -> "Baghdadi's real name"
        noun = _relative_antecedent(tok)
        if noun is not None:
            owner = join_items(doc, [i for i in phrase(noun, seg) if i < tok.i])
            return owner + ("'" if noun.tag_ in ("NNS", "NNPS") and owner.endswith("s") else "'s")
    return item


def _relative_antecedent(tok):
    """The noun a relative clause hangs on, through an apposition ("Baghdadi, an Iraqi whose …")."""
    node = tok
    while node.dep_ != "relcl":
        if node.head.i == node.i:
            return None
        node = node.head
    noun = node.head
    return noun.head if noun.dep_ == "appos" else noun


def _copular_question(doc, seg: Segment, head, answer_tokens: set[int], label: str) -> str | None:
    """The answer is what the subject is ("X's real name is Y"): "What is X's real name?", where the
    in-place form read "X's real name is who?"."""
    verb = head.head
    if head.dep_ != "attr" or verb.lemma_ != "be":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    if any(c.dep_ in COPULA_KEEPS or (c.i < subject.i and not c.is_punct) for c in verb.children):
        return None  # "has been", "was never", "In 1990, …": "What is …?" would drop or change them
    if any(doc[i].dep_ != "det" for i in range(verb.i + 1, min(answer_tokens))):
        return None  # "are around 30 °C": the words between say something the question would lose
    if max(answer_tokens) < head.right_edge.i:
        return None  # "the indicator [of the steam engine]": the answer is only the start of the phrase
    tokens = phrase(subject, seg)
    text = join_items(doc, [_antecedent(doc, seg, i) for i in tokens])
    wh = "Who" if label == "PERSON" and subject.lemma_.lower() not in NAME_NOUNS else "What"
    return as_question(join_items(doc, [wh, verb.i, lower_first(doc, text, _first_word(doc, seg, tokens))]))


def _absolute_question(doc, seg: Segment, head, answer_tokens: set[int], label: str) -> str | None:
    """The subject of "with X saying Y" (a clause hung on "with"): "Who said Y?", where the in-place form
    kept only "British Foreign Secretary _____ saying."."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.tag_ != "VBG" or verb.head.lower_ != "with" or verb.i < head.i:
        return None
    if not answer_tokens <= {t.i for t in head.subtree}:
        return None
    rest = [i for i in range(verb.i + 1, verb.right_edge.i + 1) if seg.start <= i < seg.end]
    if not rest or any(c.dep_ == "neg" for c in verb.children):
        return None  # "with no one saying": the question would drop the negation
    person = head.ent_type_ == "PERSON" or wh_for("NP", "subject", "", head, None) == ("who", False)
    wh = "Who" if label == "PERSON" or person else "What"
    return as_question(join_items(doc, [wh, past_tense(verb), *rest]))


def _first_word(doc, seg: Segment, tokens: list[int]) -> int:
    """The token that starts the subject as written: the antecedent's, where "whose" was replaced."""
    first = doc[tokens[0]]
    if first.tag_ == "WP$":
        noun = _relative_antecedent(first)
        if noun is not None:
            return min(phrase(noun, seg))
    return first.i


def _local_clause(doc, seg: Segment, head) -> set[int]:
    """Tokens of the verbs between the answer and the nearest verb with a subject, nested clauses left out."""
    node, branch, tokens = head, head, set()
    while True:
        if node.pos_ in ("VERB", "AUX"):
            tokens.update(phrase(node, seg))
            if _small_clause(branch):
                # The verb's phrase leaves out the small clause the answer is in ("would make [the street
                # safer for the 3,000 cyclists]"), as it would a clause with a verb of its own.
                tokens.update(phrase(branch, seg))
            if any(c.dep_ in SUBJECT_DEPS for c in node.children):
                if node.lemma_.lower() in SAY_VERBS and branch.dep_ != "ccomp":
                    # What was said: "Who said?" or "Mayor _____ said." asks nothing.
                    for said in (c for c in node.children if c.dep_ == "ccomp"):
                        tokens.update(phrase(said, seg))
                        for small in (c for c in said.children if _small_clause(c)):
                            tokens.update(phrase(small, seg))  # "would make [the street safer …]"
                return tokens
            subject = _shared_subject(node)
            if subject is not None:  # "troops reached Mosul but have been held up by …": only the subject
                return tokens | set(phrase(subject, seg))
        if node.head.i == node.i or not seg.start <= node.head.i < seg.end:
            return tokens or set(range(seg.start, seg.end))
        branch, node = node, node.head


def _shared_subject(verb):
    """The subject a joined verb shares with the verb before it ("Iraqi troops" of "… but have been held
    up"): the first verb's own words would run the two into one ("troops reached Mosul have been held")."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)


def _small_clause(tok) -> bool:
    """A verbless clause the parser hangs on a verb ("make [the street safer]"): its phrase leaves it out."""
    return tok.dep_ in SMALL_CLAUSE_DEPS and tok.pos_ not in ("VERB", "AUX")


def _besides(doc, cand: Candidate, answer_tokens: set[int], prompt: str) -> str | None:
    """The question for a whole list, asked for one item by naming the others: "Besides residents and shop
    owners, who spoke at the meeting?", which has one answer. None where the candidate is not such a list, or
    its items are joined by "or" ("Besides parking or traffic" asks about neither)."""
    items = _list_items(_answer_head(doc, answer_tokens))
    if len(items) < 2 or not all(cand.start <= item.i < cand.end for item in items):
        return prompt  # the selection is part of one phrase the question asks for, not a list item
    if any(t.dep_ == "cc" and t.lower_ != "and" for item in items for t in item.children):
        return None
    end = items[-1].right_edge.i
    words = [{i for i in _item_tokens(item) if i <= end} for item in items]  # "near the library" ends it
    if any(tokens & answer_tokens and not tokens <= answer_tokens for tokens in words):
        return None  # the selection is part of an item: "owners" of "shop owners"
    others = [tokens for tokens in words if not tokens & answer_tokens]
    if not others:
        return prompt  # the selection is the whole list
    if items[0].i != cand.head:
        return None  # the list only describes what is asked for: "Grammy winner and Academy Award nominee"
    named = [join_items(doc, sorted(tokens)) for tokens in others]
    named[0] = lower_first(doc, named[0], min(others[0]))
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"Besides {listed}, {prompt[:1].lower()}{prompt[1:]}"


def _item_tokens(item) -> set[int]:
    """An item's own words: its subtree without the items, commas and "and" that hang on it. (The list's
    first item may also hold words after the list, which the caller leaves out.)"""
    rest = {t.i for c in item.children if c.dep_ in LIST_DEPS for t in c.subtree}
    return {t.i for t in item.subtree} - rest


def _one_item_of(doc, core: set[int], answer_tokens: set[int]) -> bool:
    """The selection is one item of a list the candidate's answer is: the question would have several."""
    items = _list_items(_answer_head(doc, answer_tokens))
    return len(items) > 1 and all(item.i in core for item in items)


def _answer_head(doc, answer_tokens: set[int]):
    """The selection's own head: its first token whose head lies outside it."""
    return min((doc[i] for i in answer_tokens), key=lambda t: (t.head.i in answer_tokens, t.i))
