"""Throttling: the 429 answer, anonymous, user and scoped rates, and where the counts live."""

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import redis
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from rest_framework.settings import api_settings
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from api_depth.tests.conftest import with_token

PING = "/api-depth/throttle/ping/"
START = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


# --8<-- [start:answer_429]
def test_the_fourth_request_in_a_minute_gets_429():
    client = APIClient()
    with time_machine.travel(START, tick=False) as clock:  # a frozen clock
        assert [client.get(PING).status_code for _ in range(3)] == [200, 200, 200]
        refused = client.get(PING)
        assert refused.status_code == 429
        assert refused["Retry-After"] == "60"
        assert refused.json() == {
            "detail": "Request was throttled. Expected available in 60 seconds."
        }

        clock.shift(timedelta(seconds=59))
        almost = client.get(PING)
        assert almost["Retry-After"] == "1"
        assert almost.json() == {
            "detail": "Request was throttled. Expected available in 1 second."
        }

        clock.shift(timedelta(seconds=1))  # 60 s after the first request: it drops out
        assert client.get(PING).status_code == 200
# --8<-- [end:answer_429]


# --8<-- [start:anon_user]
@pytest.mark.django_db
def test_anonymous_by_ip_and_users_by_id(books, alice, bob):
    url = "/api-depth/throttle/books/"
    assert [APIClient().get(url).status_code for _ in range(4)] == [200, 200, 200, 429]
    alice_client = with_token(alice)
    assert [alice_client.get(url).status_code for _ in range(6)] == [200] * 5 + [429]
    assert with_token(bob).get(url).status_code == 200  # Bob has his own budget

    # The history is a list of request times in the cache, one key per scope and client.
    assert len(cache.get("throttle_anon_127.0.0.1")) == 3
    assert len(cache.get(f"throttle_user_{alice.pk}")) == 5
# --8<-- [end:anon_user]


# --8<-- [start:order]
@pytest.mark.django_db
def test_requests_refused_before_the_throttles_are_not_counted(books):
    # APIView.initial(): authentication, then permissions, then throttles. A wrong token
    # fails at the first step, so guessing tokens never reaches the throttle.
    guesses = [APIClient(HTTP_AUTHORIZATION=f"Token guess-{n}").get("/api-depth/throttle/books/")
               for n in range(5)]
    assert [r.status_code for r in guesses] == [401] * 5
    assert cache.get("throttle_anon_127.0.0.1") is None
# --8<-- [end:order]


# --8<-- [start:scoped]
@pytest.mark.django_db
def test_each_scope_has_its_own_budget(alice):
    client = with_token(alice)
    uploads = [client.get("/api-depth/throttle/uploads/").status_code for _ in range(3)]
    assert uploads == [200, 200, 429]
    assert client.get("/api-depth/throttle/search/").status_code == 200
    assert cache.get(f"throttle_uploads_{alice.pk}") is not None


def test_a_scope_without_a_rate_is_a_server_error():
    message = "No default throttle rate set for 'exports' scope"
    with pytest.raises(ImproperlyConfigured, match=message):
        APIClient().get("/api-depth/throttle/exports/")
# --8<-- [end:scoped]


def test_anon_and_user_throttles_need_their_scope_in_the_rates():
    class NoAnonRate(AnonRateThrottle):
        THROTTLE_RATES = {"user": "5/minute"}  # "anon" missing, not None

    # DRF builds the throttles for every request: every request to such a view is a 500.
    with pytest.raises(ImproperlyConfigured, match="No default throttle rate set for 'anon' scope"):
        NoAnonRate()


# --8<-- [start:rates_at_import]
def test_settings_overrides_do_not_reach_the_throttle_rates():
    new = {**settings.REST_FRAMEWORK,
           "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
           "DEFAULT_THROTTLE_RATES": {"anon": "1/minute", "user": None}}
    with override_settings(REST_FRAMEWORK=new):
        assert api_settings.DEFAULT_THROTTLE_RATES == {"anon": "1/minute", "user": None}
        # Both were copied when rest_framework was imported, from DRF's defaults:
        assert AnonRateThrottle.THROTTLE_RATES == {"user": None, "anon": None}
        assert AnonRateThrottle().rate is None  # no rate: every request is allowed
        codes = {APIClient().get("/api-depth/throttle/default/").status_code for _ in range(5)}
        assert codes == {200}  # the view's throttle_classes were copied at import too: []
# --8<-- [end:rates_at_import]


def probe(path: str, count: int, client_ip: str, **env: str) -> list[int]:
    """Status codes of ``count`` GETs sent by another Python process (api_depth.throttle_probe)."""
    result = subprocess.run(
        [sys.executable, "-m", "api_depth.throttle_probe", path, str(count), client_ip],
        cwd=settings.BASE_DIR, capture_output=True, text=True, check=True,
        env={"PATH": "/usr/bin:/bin", "CACHE_URL": "locmemcache://nexus", **env},
    )
    return json.loads(result.stdout)


# --8<-- [start:settings_process]
def test_default_throttle_settings_in_a_fresh_process():
    assert probe("/api-depth/throttle/default/", 4, "10.0.0.1",
                 DJANGO_SETTINGS_MODULE="api_depth.throttle_settings") == [200, 200, 200, 429]
# --8<-- [end:settings_process]


# --8<-- [start:per_process]
def test_local_memory_cache_counts_per_process():
    client = APIClient(REMOTE_ADDR="10.0.0.2")
    assert [client.get(PING).status_code for _ in range(4)] == [200, 200, 200, 429]
    # A second server process with the same settings starts from zero: LocMemCache is
    # a dict inside each process. Four processes behind a load balancer: 4 x the rate.
    assert probe(PING, 4, "10.0.0.2") == [200, 200, 200, 429]


@pytest.mark.redis
def test_a_shared_cache_counts_for_every_process(redis_url):
    client_ip = f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    shared = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    try:
        with override_settings(CACHES={"default": shared}):
            client = APIClient(REMOTE_ADDR=client_ip)
            assert [client.get(PING).status_code for _ in range(3)] == [200, 200, 200]
        # The other process sees the three requests and refuses the fourth.
        assert probe(PING, 2, client_ip, CACHE_URL=redis_url) == [429, 429]
    finally:
        connection = redis.Redis.from_url(redis_url)
        connection.delete(f":1:throttle_anon_{client_ip}")  # Django's default key format
        connection.close()
# --8<-- [end:per_process]


# --8<-- [start:proxies]
def test_x_forwarded_for_without_num_proxies_can_be_spoofed():
    # NUM_PROXIES is None by default: DRF takes the whole X-Forwarded-For header as the
    # client's identity, so a client that invents a new one per request is never limited.
    codes = [APIClient(HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").get(PING).status_code
             for n in range(6)]
    assert codes == [200] * 6


def test_num_proxies_takes_the_address_your_proxy_added():
    with override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}):
        # One trusted proxy appends the real client address; what comes before is the client's.
        codes = [APIClient(HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7").get(PING)
                 .status_code for n in range(4)]
    assert codes == [200, 200, 200, 429]
    assert cache.get("throttle_anon_203.0.113.7") is not None
# --8<-- [end:proxies]
