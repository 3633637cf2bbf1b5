"""config.csp.StaticPolicyCSPMiddleware keeps the policy string instead of rebuilding it per response: it must
send exactly what django-csp would, and step aside whenever a view asks for a policy of its own."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE, SELF
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from config.csp import StaticPolicyCSPMiddleware


def plain(request):
    return HttpResponse("ok")


@csp_update({"img-src": "https://maps.example"})
def with_update(request):
    return HttpResponse("ok")


@csp_exempt()
def exempt(request):
    return HttpResponse("ok")


def nonce_user(request):
    return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")


def own_header(request):
    response = HttpResponse("ok")
    response[HEADER] = "default-src 'none'"
    return response


def both(view, path="/page/"):
    """The same request through django-csp's middleware and ours."""
    factory = RequestFactory()
    theirs = CSPMiddleware(view)(factory.get(path))
    ours = StaticPolicyCSPMiddleware(view)(factory.get(path))
    return theirs, ours


@pytest.mark.parametrize("view", [plain, with_update, exempt, own_header])
def test_sends_what_django_csp_sends(view):
    theirs, ours = both(view)
    assert ours.headers.get(HEADER) == theirs.headers.get(HEADER)
    assert ours.headers.get(HEADER_REPORT_ONLY) == theirs.headers.get(HEADER_REPORT_ONLY)


def test_the_app_policy_is_self_only():
    _, ours = both(plain)
    assert "script-src 'self'" in ours[HEADER] and "frame-ancestors 'none'" in ours[HEADER]


def test_a_view_that_updates_the_policy_gets_its_update():
    _, ours = both(with_update)
    assert "https://maps.example" in ours[HEADER]
    assert "https://maps.example" not in both(plain)[1][HEADER]


def test_an_exempt_view_gets_no_header():
    assert HEADER not in both(exempt)[1]


@override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"script-src": [SELF, NONCE]}})
def test_a_nonce_used_in_the_page_is_in_the_header():
    request = RequestFactory().get("/")
    response = StaticPolicyCSPMiddleware(nonce_user)(request)
    assert f"script-src 'self' 'nonce-{request._csp_nonce}'" in response[HEADER]


def test_a_nonce_asked_for_after_the_header_is_written_fails_loudly():
    request = RequestFactory().get("/")
    StaticPolicyCSPMiddleware(plain)(request)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_a_changed_setting_changes_the_header_the_same_middleware_sends():
    middleware = StaticPolicyCSPMiddleware(plain)
    before = middleware(RequestFactory().get("/"))[HEADER]
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'none'"]}}):
        during = middleware(RequestFactory().get("/"))[HEADER]
    assert during == "default-src 'none'"
    assert middleware(RequestFactory().get("/"))[HEADER] == before != during


@override_settings(
    CONTENT_SECURITY_POLICY={
        "EXCLUDE_URL_PREFIXES": ["/open/"],
        "DIRECTIVES": {"default-src": ["'self'"]},
    }
)
def test_excluded_prefixes_are_honoured():
    assert HEADER not in both(plain, "/open/page")[1]
    assert both(plain, "/other/")[1][HEADER] == "default-src 'self'"


@override_settings(CONTENT_SECURITY_POLICY_REPORT_ONLY={"DIRECTIVES": {"img-src": ["'self'"]}})
def test_a_report_only_policy_is_sent_beside_the_policy():
    theirs, ours = both(plain)
    assert ours[HEADER_REPORT_ONLY] == theirs[HEADER_REPORT_ONLY]
    assert "img-src 'self'" in ours[HEADER_REPORT_ONLY]
