"""Shared test set-up: fast hashing and a local cache, as the style guide asks; never in production."""

import pytest


@pytest.fixture(autouse=True)
def _fast_test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _clear_cache(_fast_test_settings):
    # Depends on the settings fixture so the local-memory cache (not the database cache) is the one cleared.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
