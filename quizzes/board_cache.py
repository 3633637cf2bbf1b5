"""The class board's version: a token in the shared cache that changes on commit of any response or finish.

Views use it as the ETag of leaderboard pages (304 when unchanged) and in the cache key of rendered boards,
so a thousand polling projectors and dashboards cost a cache read each, not a ranking query.
"""

import uuid

from django.core.cache import cache


def _key(classroom_id: int) -> str:
    return f"board-version:{classroom_id}"


def board_version(*, classroom_id: int) -> str:
    key = _key(classroom_id)
    version = cache.get(key)
    if version is None:
        # A fresh random token (not a counter restarting at 0) so an evicted key never repeats an old ETag.
        cache.add(key, uuid.uuid4().hex[:16], timeout=None)
        version = cache.get(key)
    return version


def board_version_bump(*, classroom_id: int) -> None:
    cache.set(_key(classroom_id), uuid.uuid4().hex[:16], timeout=None)
