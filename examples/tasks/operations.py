"""Tasks and helpers for running Celery in production: pools, time limits and monitoring.

The durations are seconds, not minutes, so that the tests that run these tasks on a real
worker stay quick. Like ``canvas.py``, this module is not a ``tasks.py``: a worker
registers its tasks only when it imports it (``include=`` or ``CELERY_IMPORTS``).
"""

import time

from celery import Celery, shared_task
from celery.exceptions import SoftTimeLimitExceeded


# --8<-- [start:nap]
@shared_task
def nap(seconds: float) -> float:
    """Stand-in for a long task (a report, a video, a slow API): it only sleeps."""
    time.sleep(seconds)
    return seconds
# --8<-- [end:nap]


# --8<-- [start:limits]
@shared_task(soft_time_limit=1, time_limit=2)
def slow_export(seconds: float) -> str:
    """A task that cleans up when the soft time limit interrupts it."""
    try:
        time.sleep(seconds)
    except SoftTimeLimitExceeded:
        # Close files, mark the row failed, release locks: the hard limit comes next.
        return "stopped at the soft time limit"
    return "finished"


@shared_task(time_limit=1)
def stuck_call(seconds: float) -> str:
    """A call with no soft limit and no timeout of its own: only the hard limit stops it."""
    time.sleep(seconds)
    return "finished"
# --8<-- [end:limits]


# --8<-- [start:inspect]
def worker_report(app: Celery, hostname: str, timeout: float = 5.0) -> dict:
    """Ask one worker what ``celery inspect ping``, ``registered`` and ``stats`` ask.

    Args:
        app: Any app connected to the worker's broker.
        hostname: The worker's node name, ``celery@<host>`` by default.
        timeout: Seconds to wait for the reply; a busy worker answers late.

    Returns:
        ``{"ping": ..., "registered": [...], "pool": ..., "prefetch_count": ...}``, or an
        empty dict when the worker did not answer in time.

    """
    inspect = app.control.inspect(destination=[hostname], timeout=timeout)
    ping = inspect.ping() or {}
    if hostname not in ping:
        return {}
    registered = (inspect.registered() or {}).get(hostname, [])
    stats = (inspect.stats() or {}).get(hostname, {})
    return {
        "ping": ping[hostname],
        "registered": registered,
        "pool": stats.get("pool", {}).get("implementation"),
        "max_concurrency": stats.get("pool", {}).get("max-concurrency"),
        "prefetch_count": stats.get("prefetch_count"),
    }
# --8<-- [end:inspect]
