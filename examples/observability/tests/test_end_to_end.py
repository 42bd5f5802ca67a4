"""All three middlewares on the deploy app's real /healthz and /readyz endpoints."""

import logging

import pytest
from deploy import health

from observability import metrics
from observability.metrics import Counter
from observability.structured_logging import RequestIdFilter

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


@pytest.fixture
def observed(settings, monkeypatch):
    monkeypatch.setattr(metrics, "REQUESTS", Counter("http_requests_total"))
    # --8<-- [start:middleware_setting]
    settings.MIDDLEWARE = [
        "observability.structured_logging.RequestIdMiddleware",
        "observability.tracing.TraceContextMiddleware",
        "observability.metrics.MetricsMiddleware",
        *settings.MIDDLEWARE,
    ]
    # --8<-- [end:middleware_setting]
    return metrics


def test_liveness_probe_is_counted_and_answers_with_the_request_id(client, observed):
    response = client.get("/healthz", headers={"X-Request-ID": "probe-1"})
    assert response.status_code == 200
    assert response["X-Request-ID"] == "probe-1"
    assert dict(observed.REQUESTS.values) == {(("method", "GET"), ("status", "2xx")): 1}


def test_readiness_failure_logs_carry_request_id(client, observed, caplog, monkeypatch, tmp_path):
    caplog.handler.addFilter(RequestIdFilter())
    drain_file = tmp_path / "nexus-drain"
    drain_file.touch()  # this pod is drained: /readyz answers 503 and logs why
    monkeypatch.setattr(health, "DRAIN_FILE", drain_file)
    with caplog.at_level(logging.WARNING):
        response = client.get("/readyz", headers={"traceparent": TRACEPARENT})
    assert response.status_code == 503
    [record] = [r for r in caplog.records if r.name == "deploy.health"]
    assert record.request_id == response["X-Request-ID"]
    assert dict(observed.REQUESTS.values) == {(("method", "GET"), ("status", "5xx")): 1}
