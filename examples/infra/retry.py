"""Retry a flaky call with exponential backoff and full jitter."""

# --8<-- [start:retry]
import random
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def backoff_delays(
    attempts: int, base: float = 0.1, cap: float = 5.0, rng: random.Random | None = None
) -> list[float]:
    """The waits between attempts: random in [0, min(cap, base * 2**n)] ("full jitter").

    Args:
        attempts: Total number of attempts; there is one delay fewer than attempts.
        base: The first ceiling, in seconds.
        cap: The largest ceiling, in seconds.
        rng: A random generator (seed it in tests).

    Returns:
        One delay per retry, in seconds.

    """
    rng = rng or random.Random()
    return [rng.uniform(0, min(cap, base * 2**n)) for n in range(attempts - 1)]


def retry(
    func: Callable[[], T],
    *,
    attempts: int = 4,
    retry_on: tuple[type[BaseException], ...] = (ConnectionError, TimeoutError),
    base: float = 0.1,
    cap: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> T:
    """Call ``func`` until it succeeds, sleeping a jittered, growing delay between attempts.

    Only the exceptions in ``retry_on`` (transient failures) are retried; any other
    exception, and the last transient one, propagates to the caller.

    Args:
        func: The call to make, with no arguments (use ``functools.partial``).
        attempts: Total number of attempts, at least 1.
        retry_on: The exception types worth retrying.
        base: The first delay ceiling, in seconds.
        cap: The largest delay ceiling, in seconds.
        sleep: The function that waits (replace it in tests).
        rng: A random generator (seed it in tests).

    Returns:
        What ``func`` returned on its first successful attempt.

    """
    delays = backoff_delays(attempts, base, cap, rng)
    for delay in delays:
        try:
            return func()
        except retry_on:
            sleep(delay)
    return func()  # the last attempt: its exception, if any, reaches the caller
# --8<-- [end:retry]
