"""Fixtures shared by every example's tests: real servers, skipped or required.

The test runner runs the examples once on SQLite and again on PostgreSQL and MySQL/MariaDB
(tools/check_all.py, with NEXUS_DATABASE_PASS=1 on the second and third). A test that never
touches the database gives the same result on every database, so those passes keep only
the tests that do: pytest-django refuses database access to any other test, so the rule
below cannot drop a test that needs the database.
"""

import os
import secrets

import pytest

from tools.services import RABBITMQ, REDIS, Service, services_required

# A server with DEBUG off refuses the committed SECRET_KEY (config/secret_key.py): the servers
# the tests start (runserver, Gunicorn) inherit this run's own random key, as a deployment's
# would come from its environment. The tests' own process never builds config.wsgi.
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))


def _service_url(service: Service) -> str:
    reason = service.unreachable_reason()
    if reason is None:
        return service.url
    if services_required():
        pytest.fail(f"{reason} (NEXUS_REQUIRE_SERVICES=1 makes this a failure)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def empty_local_memory_cache():
    """Start each test with an empty local-memory cache; never flush a real cache server.

    Throttle counters (the token endpoints allow a few requests a minute per IP) and
    cached pages would otherwise carry over from one test to the next.
    """
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            cache.clear()


@pytest.fixture(scope="session")
def redis_url() -> str:
    """URL of a reachable Redis server; skips (or fails, in CI) when there is none."""
    return _service_url(REDIS)


@pytest.fixture(scope="session")
def rabbitmq_url() -> str:
    """URL of a reachable RabbitMQ server; skips (or fails, in CI) when there is none."""
    return _service_url(RABBITMQ)


DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
    "admin_user",
    "admin_client",
}


def uses_the_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames):
        return True
    from django.test import TransactionTestCase  # TestCase is a TransactionTestCase

    cls = getattr(item, "cls", None)
    return isinstance(cls, type) and issubclass(cls, TransactionTestCase)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("NEXUS_DATABASE_PASS") != "1":
        return
    kept = [item for item in items if uses_the_database(item)]
    dropped = [item for item in items if not uses_the_database(item)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
