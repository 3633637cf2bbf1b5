"""config/redis_cache.py: Django's Redis cache, keeping one client per connection pool.

The first test needs no server (building a client does not connect); the round trips need REDIS_URL (CI's
PostgreSQL run sets it) and are skipped without it.
"""

import os
import uuid

import pytest
from django.core.cache.backends.redis import RedisCache

from config.redis_cache import PassageRedisCache

REDIS_URL = os.environ.get("REDIS_URL", "")


def _cache(location: str, **options) -> PassageRedisCache:
    return PassageRedisCache(location, {"KEY_PREFIX": f"passage-test-{uuid.uuid4().hex}", "OPTIONS": options})


def test_one_client_per_pool_not_one_per_call():
    cache = _cache("redis://127.0.0.1:1/0")  # nothing listens there: building clients must not connect
    client = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is client
    assert cache._cache.get_client("a", write=True) is client  # one server: reads and writes share a pool
    stock = RedisCache("redis://127.0.0.1:1/0", {})
    assert stock._cache.get_client("a") is not stock._cache.get_client("a")  # what it saves


def test_readers_and_the_writer_keep_their_own_clients():
    cache = _cache("redis://127.0.0.1:1/0,redis://127.0.0.1:2/0")  # first server takes the writes
    writer = cache._cache.get_client("a", write=True)
    assert cache._cache.get_client("b", write=True) is writer
    assert writer.connection_pool.connection_kwargs["port"] == 1
    replicas = _cache("redis://127.0.0.1:1/0,redis://127.0.0.1:2/0,redis://127.0.0.1:3/0")
    for key in range(30):  # reads go to a random replica; each kept client must be its own slot's
        replicas._cache.get_client(str(key))
    kept = replicas._cache._clients
    assert set(kept) == {1, 2}
    for index, client in kept.items():
        assert client.connection_pool is replicas._cache._pools[index]
        assert client.connection_pool.connection_kwargs["port"] == index + 1


@pytest.mark.skipif(
    not REDIS_URL, reason="REDIS_URL is not set: no Redis server to test against (CI sets it)"
)
def test_values_round_trip_as_with_djangos_own_backend():
    cache = _cache(REDIS_URL)
    stock = RedisCache(REDIS_URL, {"KEY_PREFIX": cache.key_prefix})
    cache.set("session", {"user": "42", "next": "/attempt/7/"}, timeout=30)
    assert stock.get("session") == {"user": "42", "next": "/attempt/7/"}  # same keys, same serializer
    stock.set("count", 1, timeout=30)
    assert cache.incr("count") == 2
    assert cache.get_many(["session", "count", "missing"]) == {
        "session": {"user": "42", "next": "/attempt/7/"},
        "count": 2,
    }
    cache.delete_many(["session", "count"])
    assert stock.get("session") is None
