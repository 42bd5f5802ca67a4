"""The counter and histogram render Prometheus text, and the middleware records RED metrics."""

from pathlib import Path

import pytest
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory

from observability import metrics
from observability.metrics import Counter, Histogram, MetricsMiddleware

OUTPUTS = Path(__file__).resolve().parent.parent / "outputs"


def test_exposition_matches_the_page():
    requests = Counter("http_requests_total")
    duration = Histogram("http_request_duration_seconds", buckets=(0.1, 0.5, 1))
    for seconds, status in [(0.03, "2xx"), (0.08, "2xx"), (0.3, "2xx"), (0.7, "4xx"), (3, "5xx")]:
        requests.inc(method="GET", status=status)
        duration.observe(seconds)
    text = "\n".join([*requests.render(), *duration.render()]) + "\n"
    expected = (OUTPUTS / "metrics.txt").read_text()
    assert text == expected, f"examples/observability/outputs/metrics.txt should be:\n{text}"


@pytest.fixture
def fresh_metrics(monkeypatch):
    monkeypatch.setattr(metrics, "REQUESTS", Counter("http_requests_total"))
    monkeypatch.setattr(metrics, "DURATION", Histogram("d", buckets=(0.1,)))
    return metrics


def test_middleware_counts_successes_client_errors_and_crashes(fresh_metrics):
    def view(request):
        if request.path == "/boom":
            raise RuntimeError("unhandled")
        return HttpResponse() if request.path == "/" else HttpResponseNotFound()

    middleware = MetricsMiddleware(view)
    factory = RequestFactory()
    middleware(factory.get("/"))
    middleware(factory.get("/"))
    middleware(factory.post("/missing"))
    with pytest.raises(RuntimeError):
        middleware(factory.get("/boom"))
    assert dict(fresh_metrics.REQUESTS.values) == {
        (("method", "GET"), ("status", "2xx")): 2,
        (("method", "POST"), ("status", "4xx")): 1,
        (("method", "GET"), ("status", "5xx")): 1,
    }
    assert fresh_metrics.DURATION.render()[-1] == "d_count 4"


def test_histogram_buckets_are_cumulative_and_upper_bounds_inclusive():
    histogram = Histogram("h", buckets=(1, 2))
    for value in (1, 1.5, 2, 9):
        histogram.observe(value)
    assert histogram.render() == [
        'h_bucket{le="1"} 1', 'h_bucket{le="2"} 3', 'h_bucket{le="+Inf"} 4',
        "h_sum 13.5", "h_count 4",
    ]
