"""The student dashboard's ETag: answer 304 Not Modified when nothing on the page can have changed.

What the page shows changes through writes (answers, finishing, closing, new assignments, overrides, joins,
regrades: each bumps the class's board version, read by `dashboard_version`) and through the clock (a quiz
opening or closing changes its status with no write at all). The clock part is the latest opening or
closing time that has already passed: when another one passes, the tag changes.
"""

import datetime as dt
import hashlib

from django.contrib import messages
from django.db.models import Max, Q
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from quizzes.board_cache import dashboard_version
from quizzes.models import Assignment
from quizzes.views import HtmxHttpRequest

VARY = ("HX-Request", "Cookie")


def dashboard_etag(request: HtmxHttpRequest, now: dt.datetime | None = None) -> str | None:
    """A quoted ETag for this student's dashboard, or None when the page must be rendered regardless."""
    user = request.user
    # Teachers' pages list their own classes, which no version covers; pending messages are shown once,
    # by a render, never by a cached page.
    if user.is_staff or len(messages.get_messages(request)):
        return None
    # The page embeds a CSRF token: a cached copy is only good while the same CSRF secret stands (a new
    # sign-in rotates it). get_token makes the secret now if the browser has none; the render then uses it.
    get_token(request)
    csrf_secret = request.META["CSRF_COOKIE"]
    now = now or timezone.now()
    material = "|".join(
        [
            dashboard_version(student_id=user.pk, now=now),
            str(user.pk),
            _last_boundary_passed(user, now),
            "htmx" if getattr(request, "htmx", False) else "page",
            hashlib.sha256(csrf_secret.encode()).hexdigest(),
        ]
    )
    return '"' + hashlib.sha256(material.encode()).hexdigest()[:32] + '"'


def _last_boundary_passed(student, now: dt.datetime) -> str:
    # Read helper outside the selector contract: one aggregate query, whatever the number of assignments.
    passed = Assignment.objects.filter(classroom__enrollments__student=student).aggregate(
        opened=Max("opens_at", filter=Q(opens_at__lte=now)),
        closed=Max("closes_at", filter=Q(closes_at__lte=now)),
        extended=Max(
            "overrides__closes_at", filter=Q(overrides__student=student, overrides__closes_at__lte=now)
        ),
    )
    times = [moment for moment in passed.values() if moment is not None]
    return max(times).isoformat() if times else "-"


def vary_and_revalidate(response, etag: str | None):
    """Every dashboard response varies on HTMX and the session; tagged ones are private and revalidated."""
    patch_vary_headers(response, VARY)
    if etag:
        response["ETag"] = etag
        response["Cache-Control"] = "private, no-cache"
    return response
