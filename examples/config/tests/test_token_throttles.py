"""Every JWT endpoint is throttled per client IP: the request after the budget gets a 429."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from config.token_views import TokenRateThrottle

pytestmark = pytest.mark.django_db

OBTAIN = ["shop:token-obtain", "stays:token-obtain", "audiobooks:token-obtain",
          "security:token-obtain", "api_depth:jwt-obtain"]
REFRESH = ["shop:token-refresh", "stays:token-refresh", "audiobooks:token-refresh",
           "security:token-refresh", "security:token-rotate", "api_depth:jwt-refresh"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # A login for an unknown user still hashes the password once (against timing attacks).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def budget(scope: str) -> int:
    requests, _seconds = TokenRateThrottle().parse_rate(TokenRateThrottle.THROTTLE_RATES[scope])
    return requests


def attempt(url: str, ip: str = "203.0.113.7"):
    # A wrong password or a forged refresh token: failed attempts count like any other.
    body = {"username": "admin", "password": "guess", "refresh": "not-a-token"}
    return APIClient(REMOTE_ADDR=ip).post(url, body, format="json")


# --8<-- [start:throttled]
@pytest.mark.parametrize(("name", "scope"),
                         [(name, "token-obtain") for name in OBTAIN]
                         + [(name, "token-refresh") for name in REFRESH])
def test_the_request_after_the_budget_gets_429(name, scope):
    url = reverse(name)
    for _ in range(budget(scope)):
        assert attempt(url).status_code == 401  # wrong password, or not a valid token
    throttled = attempt(url)
    assert throttled.status_code == 429
    assert 0 < int(throttled["Retry-After"]) <= 60
    assert throttled.json()["detail"].startswith("Request was throttled.")
    assert attempt(url, ip="198.51.100.4").status_code == 401  # another IP, its own budget
# --8<-- [end:throttled]


def test_a_made_up_x_forwarded_for_gets_no_new_budget():
    url = reverse("shop:token-obtain")
    codes = [APIClient(HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").post(url, {}).status_code
             for n in range(budget("token-obtain") + 1)]
    assert codes[-1] == 429  # counted by REMOTE_ADDR, whatever the client claims


def test_behind_one_proxy_it_counts_the_address_the_proxy_added(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    url = reverse("shop:token-obtain")
    for n in range(budget("token-obtain")):
        forwarded = f"198.51.100.{n}, 203.0.113.7"  # the client's claim, then the proxy's
        assert APIClient(HTTP_X_FORWARDED_FOR=forwarded).post(url, {}).status_code == 400
    assert APIClient(HTTP_X_FORWARDED_FOR="203.0.113.7").post(url, {}).status_code == 429
    assert APIClient(HTTP_X_FORWARDED_FOR="203.0.113.8").post(url, {}).status_code == 400


def test_all_obtain_endpoints_share_one_budget():
    # One scope for every app's token/ endpoint: five endpoints do not give five budgets.
    urls = [reverse(name) for name in OBTAIN]
    for number in range(budget("token-obtain")):
        assert attempt(urls[number % len(urls)]).status_code == 401
    assert {attempt(url).status_code for url in urls} == {429}
