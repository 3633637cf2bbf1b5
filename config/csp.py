"""django-csp's middleware, with the header built once instead of on every response.

django-csp rebuilds the policy string from settings for every response (a dataclass copied into a dict,
every directive copied and joined, once for the policy and once for the report-only policy): about a tenth
of what a bare view or a signed-in one-row insert costs (bench/request_cost.py). Passage's policy is one
static setting with no nonces and no per-view decorators, so the string is the same on every response;
this keeps it, and still defers to django-csp whenever a response or request asks for something of its own.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

# What django-csp's decorators put on a response: any of them means a policy of the response's own.
PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt",
    "_csp_exempt_ro",
)


class StaticPolicyCSPMiddleware(CSPMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        # (the settings objects it was built from, the headers); headers None: django-csp's own path is needed
        self._built: tuple[tuple[object, object], list[tuple[str, str]] | None] | None = None
        # As django-csp does: a nonce asked for after the header is written must fail, not go missing.
        self._nonce_too_late = CheckableLazyObject(self._csp_nonce_post_response)

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        headers = self._static_headers()
        if (
            settings.DEBUG  # django-csp leaves Django's debug 404 and 500 pages (inline styles) alone
            or headers is None
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in PER_RESPONSE)
        ):
            return super().process_response(request, response)
        for header, value in headers:
            if header not in response:
                response[header] = value
        request.csp_nonce = self._nonce_too_late  # type: ignore[attr-defined]
        return response

    def _static_headers(self) -> list[tuple[str, str]] | None:
        # Rebuilt only when the settings objects are replaced (override_settings), never per request; the
        # policy is read once, so editing the settings dict in place afterwards is not seen (nothing does).
        source = (
            getattr(settings, "CONTENT_SECURITY_POLICY", None),
            getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None),
        )
        built = self._built
        if built is None or any(a is not b for a, b in zip(source, built[0], strict=True)):
            if any((policy or {}).get("EXCLUDE_URL_PREFIXES") for policy in source):
                headers = None  # the header depends on the path
            else:
                pairs = [(HEADER, build_policy()), (HEADER_REPORT_ONLY, build_policy(report_only=True))]
                headers = [(header, value) for header, value in pairs if value]
            built = self._built = (source, headers)  # one assignment: a thread never sees half of it
        return built[1]
