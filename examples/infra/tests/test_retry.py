"""The retry helper retries transient errors with growing, jittered delays, and nothing else."""

import random

import pytest
import requests

from infra.retry import backoff_delays, retry


class Flaky:
    """Fails with ``error`` the first ``failures`` calls, then returns "ok"."""

    def __init__(self, failures, error=None):
        self.failures, self.calls = failures, 0
        self.error = error or ConnectionError("connection refused")

    def __call__(self):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return "ok"


# --8<-- [start:test_retry]
def test_retries_transient_errors_then_succeeds():
    waits = []
    flaky = Flaky(failures=2)
    assert retry(flaky, attempts=4, sleep=waits.append, rng=random.Random(1)) == "ok"
    assert flaky.calls == 3
    assert waits == backoff_delays(4, rng=random.Random(1))[:2]


def test_gives_up_after_the_last_attempt():
    flaky = Flaky(failures=10)
    with pytest.raises(ConnectionError, match="connection refused"):
        retry(flaky, attempts=3, sleep=lambda _: None)
    assert flaky.calls == 3
# --8<-- [end:test_retry]


def test_does_not_retry_other_errors():
    flaky = Flaky(failures=1, error=ValueError("bad input"))
    with pytest.raises(ValueError, match="bad input"):
        retry(flaky, sleep=lambda _: pytest.fail("must not sleep"))
    assert flaky.calls == 1


def test_delays_are_jittered_below_a_growing_capped_ceiling():
    rng = random.Random(42)
    runs = [backoff_delays(8, base=0.1, cap=1.0, rng=rng) for _ in range(50)]
    ceilings = [min(1.0, 0.1 * 2**n) for n in range(7)]
    for delays in runs:
        assert len(delays) == 7
        assert all(0 <= d <= c for d, c in zip(delays, ceilings, strict=True))
    # Jitter: fifty clients retrying together do not all wait the same time.
    assert len({delays[0] for delays in runs}) == 50


def test_requests_errors_are_not_builtin_connection_errors():
    # requests.ConnectionError derives from OSError via RequestException, not from the
    # built-in ConnectionError, so the default retry_on does not catch it.
    flaky = Flaky(failures=1, error=requests.ConnectionError("Max retries exceeded"))
    with pytest.raises(requests.ConnectionError):
        retry(flaky, sleep=lambda _: None)
    assert flaky.calls == 1

    flaky = Flaky(failures=2, error=requests.Timeout("Read timed out"))
    transient = (requests.ConnectionError, requests.Timeout)
    assert retry(flaky, retry_on=transient, sleep=lambda _: None) == "ok"
    assert flaky.calls == 3
