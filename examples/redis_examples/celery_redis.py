"""Celery on Redis: broker and result backend settings, and a guard for countdowns.

The examples project uses RabbitMQ as its broker (see the Celery page); these are the
settings for a project that uses Redis for both. The tests run a real Celery worker on
the real Redis server with them.
"""

from celery import Celery
from kombu.transport.redis import Channel

# --8<-- [start:settings]
# settings.py, read by app.config_from_object("django.conf:settings", namespace="CELERY")
CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
CELERY_RESULT_BACKEND = "redis://127.0.0.1:6379/2"  # another database than the broker
CELERY_RESULT_EXPIRES = 24 * 3600  # result keys get a TTL of one day (Celery's default)
# kombu's Redis transport hands a message that no worker acknowledged within
# visibility_timeout seconds to a worker again. 3600 is its default, written out so that
# the code below can read it and a reviewer can see it.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# --8<-- [end:settings]


# --8<-- [start:guard]
def visibility_timeout(app: Celery) -> float:
    """The visibility timeout this app's Redis broker uses (kombu's default: 3600 s)."""
    options = app.conf.broker_transport_options or {}
    return options.get("visibility_timeout", Channel.visibility_timeout)


def checked_countdown(app: Celery, countdown: float) -> float:
    """Return ``countdown`` if it stays well inside the visibility timeout, else refuse.

    A worker holds a countdown task unacknowledged until it is due. Past the visibility
    timeout the Redis transport gives the message to a worker again, and the task runs
    twice (or more). Half the timeout leaves room for the time the message waits in the
    queue before a worker takes it.
    """
    limit = visibility_timeout(app) / 2
    if countdown > limit:
        raise ValueError(
            f"countdown={countdown}s is longer than half the broker's visibility timeout "
            f"({limit:g}s); store a due date and let celery beat send it instead"
        )
    return countdown
# --8<-- [end:guard]
