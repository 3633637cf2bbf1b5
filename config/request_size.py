"""A page that says so, instead of Django's bare "Bad Request (400)", when a form is too large to read.

Django raises RequestDataTooBig where request.POST is first read, once the form's fields pass
DATA_UPLOAD_MAX_MEMORY_SIZE. CsrfViewMiddleware reads request.POST (for the token) before any view runs,
so a view cannot catch it. This middleware sits before CsrfViewMiddleware and, for a view marked with
`@when_too_large(handler)`, reads the form first; if it is too large, `handler(request)` answers. Skipping
the CSRF check there is safe because the handler only renders a page: nothing is written.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], HttpResponse]
ATTRIBUTE = "when_too_large"
# Read the rest of a too-large body up to this size before answering: a server that answers while the
# browser is still sending may reset the connection, and the browser then shows an error, not the page.
DRAIN_MAX_BYTES = 16 * 1024 * 1024


def when_too_large(handler: Handler):
    """Mark a view: a POST over DATA_UPLOAD_MAX_MEMORY_SIZE is answered by `handler` instead of a 400."""

    def mark(view):
        setattr(view, ATTRIBUTE, handler)
        return view

    return mark


class RequestTooLargeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        handler = getattr(view_func, ATTRIBUTE, None)
        if handler is None or request.method != "POST":
            return None
        try:
            request.POST  # noqa: B018 - reading the form is the point: here its failure can still be answered
        except RequestDataTooBig:
            _drain(request)
            return handler(request)
        return None


def _drain(request: HttpRequest) -> None:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return
    if length > DRAIN_MAX_BYTES + (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0):
        return
    while request.read(64 * 1024):
        pass
