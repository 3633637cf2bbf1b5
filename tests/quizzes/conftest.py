"""Quizzes test fixtures. `cache_backend` runs a test with the production DatabaseCache, LocMemCache and,
where REDIS_URL is set (CI's PostgreSQL run sets it), the RedisCache that several app servers share.

tests/conftest.py swaps in LocMemCache for speed; the throttles must also work with the database cache,
where a count written in a rolled-back transaction disappears.
"""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.quizzes.teacher_helpers import make_teacher

DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "passage_cache_test",
}
LOCMEM_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


REDIS_URL = os.environ.get("REDIS_URL", "")


@pytest.fixture(params=["database", "locmem", "redis"])
def cache_backend(request, settings, db):
    if request.param == "redis":
        if not REDIS_URL:
            pytest.skip("REDIS_URL is not set: no Redis server to test against (CI sets it)")
        settings.CACHES = {
            "default": {
                "BACKEND": "config.redis_cache.PassageRedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": "passage-test",
            }
        }
    else:
        settings.CACHES = {"default": DATABASE_CACHE if request.param == "database" else LOCMEM_CACHE}
    if request.param == "database":
        call_command("createcachetable", verbosity=0)
    cache.clear()
    return request.param


@pytest.fixture
def teacher(client):
    """A teacher in the Teachers group, signed in on the test client (admin and report tests)."""
    teacher = make_teacher()
    client.force_login(teacher)
    return teacher
