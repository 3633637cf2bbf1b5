"""Browser-test fixtures: a live Passage server holding the demo data, and Debian's Chromium via Playwright.

The server is pytest-django's `live_server` (threads in this process) so a test can read the demo data through
the ORM, e.g. the right answers and the projector token. Its database is an SQLite *file* rather than the
default in-memory one, because the in-memory database is a single connection shared by every server thread,
and the projector's polling beside a student's answers would interleave transactions on it.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path(os.environ.get("PASSAGE_CHROMIUM", "/usr/bin/chromium"))
# We run as root in CI containers (no sandbox possible) and fully offline (no background fetches).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("e2e-db") / "e2e.sqlite3")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: install chromium: apt-get install chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; Django would then refuse the ORM calls the
    # fixtures and tests make (load_demo, reading answers). Nothing here is really async, so allow it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def demo(browser, live_server, transactional_db):
    """A server holding exactly what `manage.py load_demo` creates; each test gets a fresh copy."""
    from .helpers import Demo

    call_command("setup_roles", verbosity=0)  # the flush between tests empties the data-migration's group
    call_command("load_demo", verbosity=0)
    return Demo(base_url=live_server.url)


@pytest.fixture
def new_context(browser, demo):
    """Factory for isolated browser sessions (one per user); all are closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("base_url", demo.base_url)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()
