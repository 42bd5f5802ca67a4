"""A tiny in-process counter and histogram, and a middleware that records RED metrics.

RED: the **R**ate of requests, the **E**rrors among them, and the **D**uration of each. Real
projects use a client library (``prometheus-client``) and a metrics server; this module
shows what such a library keeps in memory, in the Prometheus text format it exposes.
"""

# --8<-- [start:metrics]
import bisect
import threading
import time
from collections import defaultdict


def _labels(labels: tuple[tuple[str, str], ...]) -> str:
    return "{" + ",".join(f'{k}="{v}"' for k, v in labels) + "}" if labels else ""


class Counter:
    """A number that only goes up, one per label combination (e.g. method and status)."""

    def __init__(self, name: str):
        """Create an empty counter called ``name``."""
        self.name, self.values, self._lock = name, defaultdict(float), threading.Lock()

    def inc(self, amount: float = 1, **labels: str) -> None:
        """Add ``amount`` to the series with these labels."""
        with self._lock:
            self.values[tuple(sorted(labels.items()))] += amount

    def render(self) -> list[str]:
        """The series in Prometheus text format."""
        return [f"{self.name}{_labels(k)} {v:g}" for k, v in sorted(self.values.items())]


class Histogram:
    """Counts of observations per bucket, plus their sum: enough to estimate percentiles."""

    def __init__(self, name: str, buckets: tuple[float, ...]):
        """Create a histogram whose buckets have these upper bounds (sorted, in seconds)."""
        self.name, self.buckets = name, sorted(buckets)
        self.counts = [0] * (len(self.buckets) + 1)  # the last one is +Inf
        self.total, self._lock = 0.0, threading.Lock()

    def observe(self, value: float) -> None:
        """Record one observation, e.g. a request's duration."""
        with self._lock:
            self.counts[bisect.bisect_left(self.buckets, value)] += 1
            self.total += value

    def render(self) -> list[str]:
        """Cumulative buckets, sum and count, in Prometheus text format."""
        lines, running = [], 0
        for bound, count in zip([*self.buckets, "+Inf"], self.counts, strict=True):
            running += count
            lines.append(f'{self.name}_bucket{{le="{bound}"}} {running}')
        return [*lines, f"{self.name}_sum {self.total:g}", f"{self.name}_count {running}"]
# --8<-- [end:metrics]


# --8<-- [start:red_middleware]
REQUESTS = Counter("http_requests_total")
DURATION = Histogram("http_request_duration_seconds", buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5))


class MetricsMiddleware:
    """Count every request by method and status class, and time it."""

    def __init__(self, get_response):
        """Standard Django middleware constructor."""
        self.get_response = get_response

    def __call__(self, request):
        """Time the request and record it, whatever the outcome."""
        start = time.perf_counter()
        status = "5xx"  # an exception that escapes the view becomes a 500
        try:
            response = self.get_response(request)
            status = f"{response.status_code // 100}xx"
            return response
        finally:
            DURATION.observe(time.perf_counter() - start)
            REQUESTS.inc(method=request.method, status=status)
# --8<-- [end:red_middleware]
