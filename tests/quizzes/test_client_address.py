"""The client address behind the reverse proxy: X-Forwarded-For is believed only from a trusted proxy."""

import pytest
from django.test import RequestFactory

from quizzes.views import client_ip


def _address(remote_addr, forwarded=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **headers))


def test_behind_the_local_proxy_each_pupil_has_their_own_address():
    assert _address("127.0.0.1", "198.51.100.20") == "198.51.100.20"
    assert _address("::1", "2001:db8::7") == "2001:db8::7"


def test_a_forged_header_sent_straight_to_the_app_is_ignored():
    assert _address("198.51.100.20", "10.9.9.9") == "198.51.100.20"


def test_the_rightmost_untrusted_hop_wins_over_what_the_client_wrote():
    # The client wrote "1.2.3.4" itself; the proxy appended the address it really saw.
    assert _address("127.0.0.1", "1.2.3.4, 198.51.100.20") == "198.51.100.20"


def test_trusted_proxies_are_configurable_including_networks(settings):
    settings.PASSAGE_TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]
    assert _address("10.1.2.3", "6.6.6.6, 198.51.100.20, 10.0.0.5") == "198.51.100.20"
    assert _address("127.0.0.1", "198.51.100.20") == "198.51.100.20"
    settings.PASSAGE_TRUSTED_PROXIES = []
    assert _address("127.0.0.1", "198.51.100.20") == "127.0.0.1"


@pytest.mark.parametrize("forwarded", ["", "  ", "not-an-address", "unknown, ,"])
def test_a_garbled_header_falls_back_to_the_proxy_address(forwarded):
    assert _address("127.0.0.1", forwarded) == "127.0.0.1"


def test_without_any_header_the_peer_address_is_used():
    assert _address("198.51.100.20") == "198.51.100.20"
