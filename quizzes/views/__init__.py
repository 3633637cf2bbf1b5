"""Thin HTMX views: validate, call a service or selector, render a page or one of its named partials."""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required as django_login_required
from django.contrib.auth.models import AbstractUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect
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


def login_required(view: Callable) -> Callable:
    """Django's login_required, except that an HTMX request from an expired session is sent to the sign-in
    page as a whole page (HX-Redirect), instead of the sign-in form being swapped into a question panel."""
    protected = django_login_required(view)

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args, **kwargs) -> HttpResponse:
        if getattr(request, "htmx", False) and not request.user.is_authenticated:
            next_url = request.htmx.current_url_abs_path or request.get_full_path()
            return HttpResponseClientRedirect(
                f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': next_url})}"
            )
        return protected(request, *args, **kwargs)

    return wrapper
