"""Production behaviour: `DEBUG=false` with a real key and host list is all a server needs.

These run `manage.py` and a WSGI probe in subprocesses, because settings are read from the environment once,
at import: overriding them inside the test process would not test what a server actually loads.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOST = "quiz.school.test"

# Runs in a fresh interpreter: loads the WSGI app exactly as gunicorn does, logs a student in over the
# proxy's https, and reports what a browser would receive, plus whether spaCy was imported along the way.
PROBE = """
import json, sys
import config.wsgi
from django.contrib.auth import get_user_model
from django.test import Client

get_user_model().objects.create_user("probe", password="probe-password-1")
https = {"X-Forwarded-Proto": "https"}
client = Client()
plain = client.get("/login/", HTTP_HOST=HOST)
page = client.get("/login/", HTTP_HOST=HOST, headers=https)
credentials = {"username": "probe", "password": "probe-password-1"}
login = client.post("/login/", credentials, HTTP_HOST=HOST, headers=https)
home = client.get("/", HTTP_HOST=HOST, headers=https)
cookies = {name: dict(morsel) for name, morsel in client.cookies.items()}
print(json.dumps({
    "plain": [plain.status_code, plain.headers.get("Location", "")],
    "page_status": page.status_code,
    "headers": dict(page.headers),
    "login_status": login.status_code,
    "home_status": home.status_code,
    "cookies": cookies,
    "spacy_loaded": any(name == "spacy" or name.startswith("spacy.") for name in sys.modules),
}))
"""


def production_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SECURE_SSL_REDIRECT"}
    }
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50)[:50],
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py, fixed arguments
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def prod(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("prod")
    env = production_env(tmp_path)
    for command in (["migrate", "--noinput"], ["createcachetable"], ["collectstatic", "--noinput"]):
        done = run(["manage.py", *command, "--verbosity", "0"], env)
        assert done.returncode == 0, done.stderr
    return env


@pytest.fixture(scope="module")
def probe(prod):
    done = run(["-c", f"HOST = {HOST!r}\n" + PROBE], prod)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_check_deploy_reports_no_issues_with_nothing_silenced(prod):
    done = run(["manage.py", "check", "--deploy"], prod)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout
    assert "WARNING" not in done.stdout + done.stderr


def test_production_refuses_to_start_without_a_secret_key(prod):
    env = {**prod, "SECRET_KEY": ""}
    done = run(["manage.py", "check"], env)
    assert done.returncode != 0
    assert "SECRET_KEY must be set" in done.stderr


def test_plain_http_is_redirected_to_https(probe):
    status, location = probe["plain"]
    assert status == 301
    assert location == f"https://{HOST}/login/"


def test_https_page_carries_hsts_csp_and_framing_headers(probe):
    headers = {name.lower(): value for name, value in probe["headers"].items()}
    assert probe["page_status"] == 200
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_session_and_csrf_cookies_are_secure_and_session_is_httponly(probe):
    assert probe["login_status"] == 302, "the probe student should have logged in"
    session, csrf = probe["cookies"]["sessionid"], probe["cookies"]["csrftoken"]
    assert session["secure"] and session["httponly"]
    assert csrf["secure"]
    assert session["samesite"] == "Lax"


def test_starting_the_app_and_serving_a_student_never_imports_spacy(probe):
    assert probe["home_status"] == 200, "the logged-in student should see their dashboard"
    assert probe["spacy_loaded"] is False


CACHE_PROBE = (
    "from django.conf import settings; print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)"
)


@pytest.mark.parametrize(
    ("redis_url", "backend"),
    [
        ("", "django.core.cache.backends.db.DatabaseCache"),
        ("redis://127.0.0.1:6379/0", "config.redis_cache.PassageRedisCache"),
    ],
)
def test_every_worker_shares_one_cache_and_sessions_use_it(prod, redis_url, backend):
    """Throttles, board invalidations and sessions must reach every worker: never a per-process cache."""
    done = run(["-c", "import django; django.setup(); " + CACHE_PROBE], {**prod, "REDIS_URL": redis_url})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [backend, "django.contrib.sessions.backends.cached_db"]
