"""Keeping questions about as short as people write them: adjuncts that do not hold the answer go first."""

from __future__ import annotations

ADJUNCT_DEPS = frozenset({"prep", "advmod", "npadvmod", "punct", "cc", "conj", "advcl", "dep"})


def shorten(doc, tokens: set[int], answer_tokens: set[int], longest: int = 12) -> set[int]:
    """Leave out the verbs' adjuncts that do not hold the answer, longest first, until the clause is short."""
    if len(tokens) <= longest:
        return tokens
    adjuncts = []
    for i in tokens:
        tok = doc[i]
        if tok.dep_ in ADJUNCT_DEPS and tok.head.pos_ in ("VERB", "AUX") and tok.head.i in tokens:
            sub = {t.i for t in tok.subtree} & tokens
            if not sub & answer_tokens:
                adjuncts.append(sub)
    for sub in sorted(adjuncts, key=len, reverse=True):
        if len(tokens) <= longest:
            break
        tokens = tokens - sub
    return tokens
