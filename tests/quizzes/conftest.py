"""Quizzes test fixtures. `cache_backend` runs a test with the production DatabaseCache and LocMemCache.

tests/conftest.py swaps in LocMemCache for speed; the throttles must also work with the database cache,
where a count written in a rolled-back transaction disappears.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command

DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "passage_cache_test",
}
LOCMEM_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


@pytest.fixture(params=["database", "locmem"])
def cache_backend(request, settings, db):
    settings.CACHES = {"default": DATABASE_CACHE if request.param == "database" else LOCMEM_CACHE}
    if request.param == "database":
        call_command("createcachetable", verbosity=0)
    cache.clear()
    return request.param
