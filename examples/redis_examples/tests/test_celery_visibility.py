"""The Redis broker's visibility timeout: a real Celery worker on the real Redis server.

Each test gets its own Celery app, queue name and kombu ``global_keyprefix``, so its broker
keys never meet another run's. The tiny timeouts (1 second instead of 3600) and the
restore sweep every second (kombu's default is every 10 s, scanning on every 10th sweep)
only make an hour-long problem visible in a few seconds; the code paths are kombu's own.
"""

import logging
import time

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker
from config.celery import app as project_app
from kombu import Connection, Queue
from kombu.transport.redis import Channel

from redis_examples import celery_redis

pytestmark = pytest.mark.redis


@pytest.fixture(autouse=True)
def no_celery_environment(monkeypatch):
    """Celery reads these variables before any URL given in code: keep them out."""
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "TEST_BROKER"):
        monkeypatch.delenv(name, raising=False)


def redis_broker_app(redis_url: str, suffix: str, visibility_timeout: float) -> Celery:
    """A Celery app on the Redis broker with one task, ``record_run``, counting its runs."""
    app = Celery(f"visibility-{suffix}", broker=redis_url, set_as_current=False)
    app.conf.update(
        broker_transport_options={
            "visibility_timeout": visibility_timeout,
            "unacked_restore_interval": 1,  # sweep every second...
            "unacked_restore_throttle": 1,  # ...and scan Redis on every sweep
            "global_keyprefix": f"{suffix}:",  # this test's broker keys only
        },
        task_default_queue=f"celery-{suffix}",
        task_ignore_result=True,
        worker_hijack_root_logger=False,
        broker_connection_retry_on_startup=False,
    )
    counter = redis.Redis.from_url(redis_url)

    @app.task(name="redis_examples.record_run", shared=False)  # this app only
    def record_run():
        counter.incr(f"{suffix}:runs")

    app.record_run = record_run
    return app


@pytest.fixture
def worker_log():
    """The messages the worker logs at INFO level and above, from the 'celery' logger."""
    messages: list[str] = []
    handler = logging.Handler(level=logging.INFO)
    handler.emit = lambda record: messages.append(record.getMessage())
    logger = logging.getLogger("celery")
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield messages
    logger.removeHandler(handler)
    logger.setLevel(level)


def run_worker_for(app: Celery, seconds: float, countdown: float) -> str:
    """Send record_run with a countdown, keep one worker running for ``seconds``."""
    try:
        # The event loop is what a real worker runs; it sweeps unacknowledged messages.
        with start_worker(app, perform_ping_check=False, use_eventloop=True, shutdown_timeout=15):
            task_id = app.record_run.apply_async(countdown=countdown).id
            time.sleep(seconds)
    finally:
        app.close()
        project_app.set_current()
        project_app.set_default()
    return task_id


# --8<-- [start:test_before]
def test_a_countdown_longer_than_the_visibility_timeout_runs_more_than_once(
    redis_url, r, suffix, worker_log
):
    app = redis_broker_app(redis_url, suffix, visibility_timeout=1)
    task_id = run_worker_for(app, seconds=6, countdown=4)  # one message, due in 4 s

    runs = int(r.get(f"{suffix}:runs"))
    assert runs >= 2  # one apply_async, several runs
    task = f"Task redis_examples.record_run[{task_id}]"
    assert worker_log.count(f"{task} received") == runs  # the same id, again and again
    assert len([m for m in worker_log if m.startswith(f"{task} succeeded in ")]) == runs
# --8<-- [end:test_before]


# --8<-- [start:test_after]
def test_a_countdown_inside_the_visibility_timeout_runs_once(redis_url, r, suffix, worker_log):
    app = redis_broker_app(redis_url, suffix, visibility_timeout=6)
    countdown = celery_redis.checked_countdown(app, 2)  # 2 <= 6 / 2: accepted
    task_id = run_worker_for(app, seconds=6, countdown=countdown)

    assert int(r.get(f"{suffix}:runs")) == 1
    assert [m for m in worker_log if m.endswith("] received")] == [
        f"Task redis_examples.record_run[{task_id}] received"
    ]
# --8<-- [end:test_after]


# --8<-- [start:test_guard]
def test_the_guard_reads_the_timeout_from_the_settings():
    app = Celery("settings-only", set_as_current=False)  # leave the project's app current
    app.conf.broker_transport_options = celery_redis.CELERY_BROKER_TRANSPORT_OPTIONS
    assert Channel.visibility_timeout == 3600  # kombu's own default, the same value
    assert celery_redis.visibility_timeout(app) == 3600
    assert celery_redis.checked_countdown(app, 15 * 60) == 900  # 15 minutes: fine
    with pytest.raises(ValueError, match="longer than half the broker's visibility timeout"):
        celery_redis.checked_countdown(app, 3 * 3600)  # "remind me in 3 hours"
    defaults = Celery("defaults", set_as_current=False)
    assert celery_redis.visibility_timeout(defaults) == 3600  # option not set
# --8<-- [end:test_guard]


# --8<-- [start:test_transport_option]
def test_the_transport_option_reaches_the_redis_channel(redis_url, suffix):
    options = {**celery_redis.CELERY_BROKER_TRANSPORT_OPTIONS, "global_keyprefix": f"{suffix}:"}
    with Connection(redis_url, transport_options=options) as connection:
        assert connection.default_channel.visibility_timeout == 3600
    with Connection(redis_url, transport_options={"global_keyprefix": f"{suffix}:"}) as connection:
        assert connection.default_channel.visibility_timeout == 3600  # the default
# --8<-- [end:test_transport_option]


# --8<-- [start:test_shortest_wins]
def test_an_unacknowledged_message_goes_back_after_the_shortest_timeout(redis_url, r, suffix):
    """Two consumers of one queue: a long task holds a message, another client restores it."""
    queue = Queue(f"work-{suffix}", routing_key=f"work-{suffix}")
    prefix = {"global_keyprefix": f"{suffix}:"}
    with (
        Connection(redis_url, transport_options={**prefix, "visibility_timeout": 3600}) as busy,
        Connection(redis_url, transport_options={**prefix, "visibility_timeout": 1}) as other,
    ):
        producer = busy.Producer()
        producer.publish({"report": 42}, routing_key=queue.name, declare=[queue])

        held = queue(busy.default_channel).get(no_ack=False)  # the "long task" starts...
        assert held.payload == {"report": 42}
        assert queue(other.default_channel).get() is None  # ...and nobody else sees it

        time.sleep(1.2)  # older than 1 second: visible again to a 1-second consumer
        other.default_channel.qos.restore_visible(num=10, interval=1)  # kombu's sweep
        again = queue(other.default_channel).get(no_ack=False)
        assert again.payload == {"report": 42}  # the same message, a second time
        again.ack()
        held.ack()  # the first consumer finishes too: the work was done twice
# --8<-- [end:test_shortest_wins]
