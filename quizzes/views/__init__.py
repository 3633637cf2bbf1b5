"""Thin HTMX views: validate, call a service or selector, render a page or one of its named partials."""

from collections.abc import Callable
from functools import lru_cache, wraps
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required as django_login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request after HtmxMiddleware, so type checkers know about `request.htmx`."""

    htmx: HtmxDetails
    user: User
    _passage_csrf_token: str  # set by quizzes.views.take._render_fragment, once per request


def wants_fragment(request: HtmxHttpRequest) -> bool:
    """True for HTMX swaps; history restores need the whole page, as if the browser had reloaded."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def client_ip(request: HttpRequest) -> str:
    """The address a request came from, one of the join-code throttle's keys.

    Behind the reverse proxy REMOTE_ADDR is the proxy itself, so X-Forwarded-For is read, but only while the
    hop in hand is a trusted proxy (PASSAGE_TRUSTED_PROXIES), walking from the right: the rightmost hop that
    is not a trusted proxy is what a trusted proxy saw; anything left of it the client may have written.
    """
    address = request.META.get("REMOTE_ADDR", "")
    trusted = _trusted_networks(tuple(getattr(settings, "PASSAGE_TRUSTED_PROXIES", ())))
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(address, trusted):
            break
        parsed = _parse_address(hop)
        if parsed is None:  # a garbled hop: keep the last address a trusted proxy vouched for
            break
        address = str(parsed)
    return address


@lru_cache(maxsize=8)
def _trusted_networks(entries: tuple[str, ...]) -> tuple[IPv4Network | IPv6Network, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(ip_network(entry.strip(), strict=False))
        except ValueError:
            continue  # a typo in the setting trusts nothing rather than crashing every request
    return tuple(networks)


def _parse_address(raw: str) -> IPv4Address | IPv6Address | None:
    try:
        return ip_address(raw)
    except ValueError:
        return None


def _is_trusted(address: str, trusted: tuple[IPv4Network | IPv6Network, ...]) -> bool:
    parsed = _parse_address(address)
    return parsed is not None and any(parsed in network for network in trusted)


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
