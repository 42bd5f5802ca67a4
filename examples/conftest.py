"""Fixtures shared by every example's tests: real servers, skipped or required."""

import pytest

from tools.services import RABBITMQ, REDIS, Service, services_required


def _service_url(service: Service) -> str:
    reason = service.unreachable_reason()
    if reason is None:
        return service.url
    if services_required():
        pytest.fail(f"{reason} (NEXUS_REQUIRE_SERVICES=1 makes this a failure)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def redis_url() -> str:
    """URL of a reachable Redis server; skips (or fails, in CI) when there is none."""
    return _service_url(REDIS)


@pytest.fixture(scope="session")
def rabbitmq_url() -> str:
    """URL of a reachable RabbitMQ server; skips (or fails, in CI) when there is none."""
    return _service_url(RABBITMQ)
