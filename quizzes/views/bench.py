"""Bare reference views for the load benchmark (bench/load.py); mounted only when PASSAGE_BENCH_VIEWS=1.

They give the benchmark two yardsticks measured on the same server in the same run: the cost of Django's
middleware stack alone (`bench/ok`) and of one committed one-row write (`bench/insert`), so the answer and
leaderboard throughputs can be reported as ratios rather than machine-dependent absolute numbers.
A third, the same write for a signed-in user (`bench/insert-signed-in`: the session and the user loaded, as
every answer must), shows bench/request_cost.py how much of an answer's cost sign-in alone accounts for.
"""

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from quizzes.views import login_required

BENCH_TABLE = "bench_row"


def bench_table_create() -> None:
    """Create the insert view's scratch table; the benchmark calls this at set-up (no migration)."""
    sqlite = connection.vendor == "sqlite"
    id_column = "INTEGER PRIMARY KEY AUTOINCREMENT" if sqlite else "BIGSERIAL PRIMARY KEY"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {BENCH_TABLE} (id {id_column}, created_at VARCHAR(40) NOT NULL)"  # noqa: S608
        )


@require_GET
def bench_ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


@require_POST
def bench_insert(request: HttpRequest) -> HttpResponse:
    _insert_row()
    return HttpResponse("ok")


@login_required
@require_POST
def bench_insert_signed_in(request: HttpRequest) -> HttpResponse:
    _insert_row()  # login_required has loaded the session and the user, as for an answer
    return HttpResponse("ok")


def _insert_row() -> None:
    # Same transaction shape as a real answer: one atomic block, one committed row.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BENCH_TABLE} (created_at) VALUES (%s)",  # noqa: S608 - constant table name  # nosec B608
            [timezone.now().isoformat()],
        )


urlpatterns = [
    path("ok", bench_ok, name="bench-ok"),
    path("insert", bench_insert, name="bench-insert"),
    path("insert-signed-in", bench_insert_signed_in, name="bench-insert-signed-in"),
]
