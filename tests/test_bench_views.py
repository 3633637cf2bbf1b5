"""The benchmark's bare views exist only when PASSAGE_BENCH_VIEWS=1, so no production server exposes them."""

import importlib

import pytest
from django.db import connection
from django.urls import clear_url_caches

import config.urls
from quizzes.views.bench import BENCH_TABLE, bench_table_create
from tests.factories import UserFactory


def _reload_urls() -> None:
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def bench_views_enabled(monkeypatch):
    monkeypatch.setenv("PASSAGE_BENCH_VIEWS", "1")
    _reload_urls()
    yield
    monkeypatch.delenv("PASSAGE_BENCH_VIEWS")
    _reload_urls()


@pytest.mark.parametrize("value", [None, "0", "true"])
def test_bench_urls_absent_unless_enabled(client, monkeypatch, value):
    if value is None:
        monkeypatch.delenv("PASSAGE_BENCH_VIEWS", raising=False)
    else:
        monkeypatch.setenv("PASSAGE_BENCH_VIEWS", value)
    _reload_urls()
    try:
        assert client.get("/bench/ok").status_code == 404
        assert client.post("/bench/insert").status_code == 404
        assert client.post("/bench/insert-signed-in").status_code == 404
    finally:
        monkeypatch.delenv("PASSAGE_BENCH_VIEWS", raising=False)
        _reload_urls()


def test_bench_ok_answers_plain_ok(client, bench_views_enabled):
    response = client.get("/bench/ok")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_bench_insert_commits_one_row_per_post(client, bench_views_enabled):
    bench_table_create()
    assert client.post("/bench/insert").status_code == 200
    assert client.post("/bench/insert").status_code == 200
    assert client.get("/bench/insert").status_code == 405
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {BENCH_TABLE}")  # noqa: S608
        assert cursor.fetchone()[0] == 2


@pytest.mark.django_db
def test_bench_signed_in_insert_needs_a_signed_in_user(client, bench_views_enabled):
    bench_table_create()
    assert client.post("/bench/insert-signed-in").status_code == 302  # to the sign-in page, nothing written
    client.force_login(UserFactory())
    assert client.post("/bench/insert-signed-in").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {BENCH_TABLE}")  # noqa: S608
        assert cursor.fetchone()[0] == 1
