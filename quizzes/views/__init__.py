"""Thin HTMX views: validate, call a service or selector, render a page or one of its named partials."""

from django.contrib.auth.models import AbstractUser
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request after HtmxMiddleware, so type checkers know about `request.htmx`."""

    htmx: HtmxDetails
    user: AbstractUser


def wants_fragment(request: HtmxHttpRequest) -> bool:
    """True for HTMX swaps; history restores need the whole page, as if the browser had reloaded."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def client_ip(request: HttpRequest) -> str:
    # Behind the proxy REMOTE_ADDR is the proxy; the join throttle only uses the address as one key among
    # several, so trusting X-Forwarded-For is not needed for correctness.
    return request.META.get("REMOTE_ADDR", "")
