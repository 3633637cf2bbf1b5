"""The student dashboard's ETag: answer 304 Not Modified when nothing on the page can have changed.

What the page shows changes through writes (finishing, closing, new assignments, overrides, joins, regrades:
each bumps the class's board version, read by `dashboard_version`), through the student starting an attempt
(which moves no class version), and through the clock (a quiz opening or closing changes its status with no
write at all). The tag takes the student's latest attempt and the latest opening or closing time that has
already passed: when another one passes, the tag changes.
"""

import datetime as dt
import hashlib

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from quizzes.board_cache import dashboard_version
from quizzes.models import Assignment, Attempt, StudentOverride
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
            _clock_and_own_attempts(user, now),
            "htmx" if getattr(request, "htmx", False) else "page",
            hashlib.sha256(csrf_secret.encode()).hexdigest(),
        ]
    )
    return '"' + hashlib.sha256(material.encode()).hexdigest()[:32] + '"'


def _clock_and_own_attempts(student, now: dt.datetime) -> str:
    """The latest opening/closing time (the student's extension included) already passed, and the student's
    latest attempt: starting one turns "Start" into "Continue" without moving any class's version.

    Read helper outside the selector contract: one query of indexed subqueries, whatever the class size.
    """
    mine = Assignment.objects.filter(classroom__enrollments__student=OuterRef("pk"))
    extensions = StudentOverride.objects.filter(student=OuterRef("pk"), closes_at__lte=now)
    row = (
        get_user_model()
        .objects.filter(pk=student.pk)
        .values_list(
            _latest(mine.filter(opens_at__lte=now), "opens_at"),
            _latest(mine.filter(closes_at__lte=now), "closes_at"),
            _latest(extensions, "closes_at"),
            _latest(Attempt.objects.filter(student=OuterRef("pk")), "pk"),
        )
        .first()
    )
    return "|".join(str(value) for value in row or ())


def _latest(queryset, field: str) -> Subquery:
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1])


def vary_and_revalidate(response, etag: str | None):
    """Every dashboard response varies on HTMX and the session; tagged ones are private and revalidated."""
    patch_vary_headers(response, VARY)
    if etag:
        response["ETag"] = etag
        response["Cache-Control"] = "private, no-cache"
    return response
