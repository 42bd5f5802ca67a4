"""Three ways to rate-limit: django-ratelimit, a cache middleware, DRF throttling."""

import subprocess
import sys

from django.conf import settings
from django.test import Client, override_settings

MIDDLEWARE = "security.middleware.FixedWindowRateLimitMiddleware"


# --8<-- [start:ratelimit_default]
def test_django_ratelimit_default_is_403():
    client = Client()
    codes = [client.post("/security/login-default/").status_code for _ in range(4)]
    # Ratelimited subclasses PermissionDenied, so Django's 403 handler answers.
    assert codes == [200, 200, 200, 403]
# --8<-- [end:ratelimit_default]


# --8<-- [start:ratelimit_429]
def test_django_ratelimit_with_a_429_handler():
    client = Client()
    responses = [client.post("/security/login/") for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert 0 < int(responses[-1]["Retry-After"]) <= 60
    assert client.get("/security/login/").status_code == 200  # GET is not counted
# --8<-- [end:ratelimit_429]


# --8<-- [start:fixed_window]
def test_fixed_window_middleware_returns_429_with_retry_after():
    with override_settings(MIDDLEWARE=[*settings.MIDDLEWARE, MIDDLEWARE]):
        client = Client()
        responses = [client.get("/security/limited/ping/") for _ in range(6)]
        other_path = client.get("/security/feedback/")
    assert [r.status_code for r in responses] == [200] * 5 + [429]
    assert 0 < int(responses[-1]["Retry-After"]) <= 60
    assert other_path.status_code == 200  # only /security/limited/ is limited


def test_each_client_ip_has_its_own_window():
    with override_settings(MIDDLEWARE=[*settings.MIDDLEWARE, MIDDLEWARE]):
        for _ in range(5):
            Client(REMOTE_ADDR="10.0.0.1").get("/security/limited/ping/")
        assert Client(REMOTE_ADDR="10.0.0.1").get("/security/limited/ping/").status_code == 429
        assert Client(REMOTE_ADDR="10.0.0.2").get("/security/limited/ping/").status_code == 200
# --8<-- [end:fixed_window]


# --8<-- [start:drf_throttle]
def test_drf_anon_throttle_returns_429():
    client = Client()
    responses = [client.get("/security/throttled/") for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    retry_after = responses[-1]["Retry-After"]
    assert 0 < int(retry_after) <= 60
    assert responses[-1].json() == {
        "detail": f"Request was throttled. Expected available in {retry_after} seconds."
    }
# --8<-- [end:drf_throttle]


# --8<-- [start:ratelimit_checks]
def test_django_ratelimit_checks_reject_the_local_memory_cache():
    # Its checks run only when "django_ratelimit" is in INSTALLED_APPS.
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--settings", "security.ratelimit_check_settings"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "CACHE_URL": "locmemcache://nexus"},
        check=False,
    )
    assert result.returncode == 1
    assert (
        "(django_ratelimit.E003) cache backend django.core.cache.backends.locmem.LocMemCache "
        "is not a shared cache"
    ) in result.stderr
    assert "(django_ratelimit.W001)" in result.stderr
# --8<-- [end:ratelimit_checks]
