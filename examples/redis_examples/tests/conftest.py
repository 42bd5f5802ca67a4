"""Fixtures for the Redis examples: the shared server, throwaway servers, and memcached.

A missing server or tool skips the test with a one-line reason, and fails it instead when
NEXUS_REQUIRE_SERVICES=1 (CI), as examples/conftest.py does for Redis and RabbitMQ.
"""

import uuid
from contextlib import ExitStack
from urllib.parse import urlsplit

import pytest
import redis

from redis_examples import servers
from tools.services import MEMCACHED, services_required


def skip_or_fail(reason: str) -> None:
    if services_required():
        pytest.fail(f"{reason} (NEXUS_REQUIRE_SERVICES=1 makes this a failure)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def suffix() -> str:
    """Part of every key, channel and queue name a test uses on a shared server."""
    return f"test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def r(redis_url, suffix):
    """A client of the shared Redis server; deletes every key containing ``suffix`` after."""
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    yield client
    keys = list(client.scan_iter(match=f"*{suffix}*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


@pytest.fixture
def throwaway():
    """Start throwaway redis-servers: ``throwaway("--maxmemory", "2mb", config_file=...)``."""
    reason = servers.missing_tools()
    if reason:
        skip_or_fail(reason)
    with ExitStack() as stack:
        yield lambda *options, config_file=None: stack.enter_context(
            servers.throwaway_redis(*options, config_file=config_file)
        )


@pytest.fixture(scope="session")
def memcached_address() -> tuple[str, int]:
    """(host, port) of a reachable memcached; skips (or fails, in CI) when there is none."""
    reason = MEMCACHED.unreachable_reason()
    if reason:
        skip_or_fail(reason)
    parts = urlsplit(MEMCACHED.url)
    return parts.hostname or "127.0.0.1", parts.port or 11211
