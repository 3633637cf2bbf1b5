"""Django's Redis cache, with one client per connection pool instead of a new one for every call.

django.core.cache.backends.redis builds a `redis.Redis` object on every cache call. Measured here that cost
~0.1 ms of CPU, about half of a whole `cache.get` (session reads, board versions, throttles). A client is
only a front for its connection pool and is safe to share between threads, so one per pool is enough.
Behaviour is otherwise Django's own: same keys, same serializer, same pools (redis-py re-creates a pool's
connections after a fork, so gunicorn's preloaded master and its workers never share a socket).
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:  # two threads racing here each build one; either is fine to keep
            # The pool for this same index (Django's _get_connection_pool would pick a replica again).
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._client(connection_pool=self._pools[index])
            self._clients[index] = client
        return client


class PassageRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
