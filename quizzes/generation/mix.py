"""A short list of drafts with a few true/false questions in it.

The ranking puts true/false drafts last (they are the easiest to guess, and the weakest test of reading),
so a teacher asking for the best twenty got none, and a quiz of one kind only. A short list keeps a small
share of them, in place of the lowest-ranked other drafts; the ranking itself is unchanged.
"""

from .draft import Draft

TRUE_FALSE = "true_false"
TRUE_FALSE_SHARE = 0.1  # 2 of the admin's 20
SHORTEST_LIST_WITH_TRUE_FALSE = 5


def with_true_false(drafts: list[Draft], limit: int | None) -> list[Draft]:
    """The first `limit` of `drafts` (best first), with at least TRUE_FALSE_SHARE of them true/false when
    the rest of the list has that many; those come last, after the others in their ranked order."""
    if limit is None or len(drafts) <= limit:
        return list(drafts[:limit] if limit is not None else drafts)
    head = list(drafts[:limit])
    wanted = round(limit * TRUE_FALSE_SHARE) if limit >= SHORTEST_LIST_WITH_TRUE_FALSE else 0
    missing = wanted - sum(draft.kind == TRUE_FALSE for draft in head)
    extra = [draft for draft in drafts[limit:] if draft.kind == TRUE_FALSE][: max(0, missing)]
    for _ in extra:
        last_other = max(index for index, draft in enumerate(head) if draft.kind != TRUE_FALSE)
        del head[last_other]
    return head + extra
