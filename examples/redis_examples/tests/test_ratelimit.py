"""Both rate limiters on the real server: exact limits, window edges, and a concurrent burst."""

import threading

import pytest

from redis_examples import ratelimit

pytestmark = pytest.mark.redis

START = 1_800_000_000.0  # a fixed clock: 2027-01-15 08:00:00 UTC, a multiple of 60


# --8<-- [start:test_fixed]
def test_fixed_window_allows_exactly_the_limit_per_window(r, suffix):
    def allow(at):
        return ratelimit.allow_fixed_window(r, suffix, limit=5, window=60, now=START + at)

    assert [allow(second) for second in range(7)] == [True] * 5 + [False] * 2
    assert allow(59.9) is False  # same window until the clock reaches the next minute
    assert allow(60) is True  # a new window starts with a new counter
    assert 0 < r.ttl(f"rate:{suffix}:{int((START + 60) // 60)}") <= 60


def test_fixed_window_lets_a_burst_through_at_the_window_edge(r, suffix):
    def allow(at):
        return ratelimit.allow_fixed_window(r, suffix, limit=5, window=60, now=START + at)

    late = [allow(59) for _ in range(5)]  # five at the end of one window...
    early = [allow(60) for _ in range(5)]  # ...and five at the start of the next
    assert late + early == [True] * 10  # ten requests within one second
# --8<-- [end:test_fixed]


# --8<-- [start:test_sliding]
def test_sliding_window_counts_the_last_window_seconds(r, suffix):
    def allow(at):
        return ratelimit.allow_sliding_window(r, suffix, limit=5, window=60, now=START + at)

    assert [allow(59) for _ in range(5)] == [True] * 5
    assert allow(60) is False  # the edge burst is refused: five in the last 60 seconds
    assert allow(118.9) is False
    assert allow(119) is True  # the requests of second 59 have left the window
    assert r.zcard(f"rate-sliding:{suffix}") == 1  # refused requests were not kept
# --8<-- [end:test_sliding]


# --8<-- [start:test_burst]
@pytest.mark.parametrize("limiter", [ratelimit.allow_fixed_window, ratelimit.allow_sliding_window])
def test_twenty_concurrent_requests_get_exactly_five_through(r, suffix, limiter):
    results: list[bool] = []
    barrier = threading.Barrier(20)

    def request():
        barrier.wait()
        results.append(limiter(r, suffix, limit=5, window=60, now=START))

    threads = [threading.Thread(target=request) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 5
# --8<-- [end:test_burst]
