"""Pools, time limits, prefetching, remote control, events and result expiry, on real servers.

Each live test starts a worker thread (``live_worker.worker``) on RabbitMQ with Redis as the
result backend, with the pool under test. The prefork pool forks real child processes
from the test process, which is how its time limits can kill a task.
"""

import os
import threading
import time
from datetime import timedelta
from pathlib import Path
from pprint import pformat

import billiard
import pytest
from celery import Celery
from celery.beat import PersistentScheduler
from celery.exceptions import TimeLimitExceeded
from celery.exceptions import TimeoutError as CeleryTimeoutError
from config.celery import app as project_app

from tasks import operations, tasks
from tasks.tests.live_worker import (
    EXAMPLE_TASK_MODULES,
    cli_worker,
    live_app,
    queue_depth,
    worker,
)

OUTPUTS = Path(__file__).resolve().parent.parent / "outputs"


@pytest.fixture
def no_celery_environment(monkeypatch):
    """Celery reads these variables before any URL given in code: keep them out."""
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def live(rabbitmq_url, redis_url, no_celery_environment):
    with live_app(rabbitmq_url, redis_url) as app:
        yield app


# ---- Pools and time limits ----------------------------------------------------------------

# --8<-- [start:test_time_limits]
@pytest.mark.rabbitmq
@pytest.mark.redis
@pytest.mark.parametrize("pool", ["prefork", "threads", "solo"])
def test_only_the_prefork_pool_enforces_time_limits(live, pool, tmp_path):
    queue, _ = live.queue_names
    # celery -A config worker -Q <queue> --pool <pool> --concurrency 1, as a real process.
    with cli_worker(live, queue, "--pool", pool, "--concurrency", "1", log_file=tmp_path / "log"):
        export = operations.slow_export.delay(2.5)  # soft limit 1 s, hard limit 2 s
        stuck = operations.stuck_call.delay(2.5)  # hard limit 1 s
        if pool == "prefork":
            assert export.get(timeout=15) == "stopped at the soft time limit"
            with pytest.raises(TimeLimitExceeded):  # its child process was killed
                stuck.get(timeout=15)
        else:
            # threads and solo accept the limits and never apply them.
            assert export.get(timeout=15) == "finished"
            assert stuck.get(timeout=15) == "finished"
    if pool == "prefork":
        log = (tmp_path / "log").read_text()
        assert "Hard time limit (1s) exceeded for tasks.operations.stuck_call" in log
# --8<-- [end:test_time_limits]


def test_the_default_concurrency_is_the_machines_cpu_count():
    # The worker starts this many processes when --concurrency is not given. In a container
    # that is every CPU of the node, whatever the pod's CPU limit says.
    assert project_app.conf.worker_concurrency is None
    assert billiard.cpu_count() == os.cpu_count()


# --8<-- [start:test_prefetch]
@pytest.mark.rabbitmq
@pytest.mark.redis
@pytest.mark.parametrize(
    ("multiplier", "acks_late", "reserved", "waiting"),
    [
        (4, False, 4, 1),  # Celery's default: 4 wait on this worker behind the running one
        (1, False, 1, 4),  # one waits here: early acknowledgement freed the running one's slot
        (1, True, 0, 5),  # late acknowledgement: nothing waits here, 5 stay for other workers
    ],
)
def test_the_prefetch_multiplier_decides_how_many_tasks_wait_on_a_busy_worker(
    rabbitmq_url, redis_url, no_celery_environment, multiplier, acks_late, reserved, waiting
):
    conf = {"worker_prefetch_multiplier": multiplier, "task_acks_late": acks_late}
    with live_app(rabbitmq_url, redis_url, **conf) as app:
        default_queue, _ = app.queue_names
        with app.connection_for_write() as conn:  # declare the queue before the worker
            app.amqp.queues[default_queue].bind(conn.default_channel).declare()
        # One long task, then five short ones: they only need to be somewhere.
        results = [operations.nap.delay(1.5)] + [operations.nap.delay(0) for _ in range(5)]
        assert queue_depth(app, default_queue) == 6
        # The threads pool answers remote control while a task runs (solo would not).
        with worker(app, default_queue, pool="threads", concurrency=1) as w:
            deadline = time.monotonic() + 1.2
            while queue_depth(app, default_queue) > waiting and time.monotonic() < deadline:
                time.sleep(0.05)
            assert queue_depth(app, default_queue) == waiting
            inspect = app.control.inspect(destination=[w.hostname], timeout=3)
            assert len(inspect.active()[w.hostname]) == 1
            assert len(inspect.reserved()[w.hostname]) == reserved
            assert inspect.stats()[w.hostname]["prefetch_count"] == multiplier  # x concurrency
            app.control.purge()  # the tasks still in the queue: this test needs no more
        assert results[0].get(timeout=10) == 1.5
# --8<-- [end:test_prefetch]


# ---- Monitoring: inspect, control, events -------------------------------------------------

def shown_tasks(names: list[str]) -> list[str]:
    """The examples' own tasks: other apps' tasks may be loaded in a full test run."""
    return sorted(n for n in names if n.rsplit(".", 1)[0] in EXAMPLE_TASK_MODULES)


# --8<-- [start:test_inspect]
@pytest.mark.rabbitmq
@pytest.mark.redis
def test_inspect_asks_a_running_worker_what_it_runs(live, mailoutbox):
    default_queue, email_queue = live.queue_names
    hostname = f"celery@nexus-{live.suffix}"
    with worker(live, default_queue, hostname=hostname):  # not consuming the e-mail queue
        report = operations.worker_report(live, hostname)
        assert report["ping"] == {"ok": "pong"}
        assert "tasks.canvas.line_total" in report["registered"]
        assert report["pool"] == "celery.concurrency.solo:TaskPool"

        result = tasks.send_welcome_email.delay("ada@example.com", "Ada")
        with pytest.raises(CeleryTimeoutError):
            result.get(timeout=2)  # routed to the e-mail queue, which nobody consumes
        # celery control add_consumer: the running worker starts consuming it, no restart.
        replies = live.control.add_consumer(email_queue, destination=[hostname], reply=True)
        assert result.get(timeout=10) == 1
        assert len(mailoutbox) == 1

    shown = "\n".join([
        ">>> inspect = app.control.inspect(destination=[hostname], timeout=5)",
        ">>> inspect.ping()",
        pformat({hostname: report["ping"]}),
        ">>> inspect.registered()  # the examples' tasks",
        pformat({hostname: shown_tasks(report["registered"])}, width=72),
        ">>> app.control.add_consumer('emails', destination=[hostname], reply=True)",
        pformat(replies),
    ])
    shown = shown.replace(live.suffix, "worker-1").replace("emails-worker-1", "emails") + "\n"
    expected = (OUTPUTS / "inspect.txt").read_text()
    assert shown == expected, f"examples/tasks/outputs/inspect.txt should be:\n{shown}"
# --8<-- [end:test_inspect]


def capture_events(app: Celery, hostname: str, seen: list, ready: threading.Event,
                   stop: threading.Event) -> None:
    """Collect the type of each event one worker sends, as ``celery events`` or Flower would."""
    def on_event(event: dict) -> None:
        if event.get("hostname") == hostname:
            seen.append(event["type"])

    with app.connection_for_read() as conn:
        receiver = app.events.Receiver(conn, handlers={"*": on_event})
        with receiver.consumer_context(wakeup=False) as (connection, _, _):
            ready.set()
            while not stop.is_set():
                try:
                    connection.drain_events(timeout=0.2)
                except TimeoutError:  # socket.timeout
                    pass


# --8<-- [start:test_events]
@pytest.mark.rabbitmq
@pytest.mark.redis
@pytest.mark.parametrize("task_events", [True, False])
def test_workers_send_task_events_only_with_dash_e(live, task_events):
    hostname = f"celery@events-{live.suffix}"
    seen: list[str] = []
    ready, stop = threading.Event(), threading.Event()
    listener = threading.Thread(target=capture_events, args=(live, hostname, seen, ready, stop))
    listener.start()
    try:
        assert ready.wait(5)
        # task_events=True is what the -E option sets (worker_send_task_events=True too).
        with worker(live, hostname=hostname, task_events=task_events):
            assert operations.nap.delay(0).get(timeout=10) == 0
            time.sleep(0.5)  # let the last event arrive
    finally:
        stop.set()
        listener.join(5)
    task_events_seen = {kind for kind in seen if kind.startswith("task-")}
    if task_events:
        assert {"task-received", "task-started", "task-succeeded"} <= task_events_seen
    else:
        assert task_events_seen == set()
# --8<-- [end:test_events]


# ---- Results: expiry and cleanup ----------------------------------------------------------

# --8<-- [start:test_result_expiry]
def test_results_expire_after_one_day_by_default():
    assert Celery("defaults").conf.result_expires == timedelta(days=1)
    assert project_app.conf.result_expires == timedelta(days=1)  # the project keeps it


def test_beat_schedules_backend_cleanup_only_for_backends_that_cannot_expire(tmp_path):
    (tmp_path / "results").mkdir()
    for number, (backend, cleaned_by_beat) in enumerate([
        ("redis://127.0.0.1:6379/0", False),  # Redis expires each result key by itself
        ("cache+memory://", False),
        (f"file://{tmp_path}/results", True),  # files (and SQL rows) need the daily cleanup task
    ]):
        app = Celery("beat", broker="memory://", backend=backend)
        # What `celery beat` runs by default, with its schedule file in a temporary folder.
        beat = PersistentScheduler(app=app, schedule_filename=str(tmp_path / f"schedule-{number}"))
        try:
            entries = beat.schedule
            assert ("celery.backend_cleanup" in entries) is cleaned_by_beat, backend
            if cleaned_by_beat:
                cleanup = entries["celery.backend_cleanup"]
                assert str(cleanup.schedule) == "<crontab: 0 4 * * * (m/h/dM/MY/d)>"
        finally:
            beat.close()
            app.close()
            project_app.set_current()


@pytest.mark.rabbitmq
@pytest.mark.redis
def test_redis_drops_a_result_when_it_expires(rabbitmq_url, redis_url, no_celery_environment):
    with live_app(rabbitmq_url, redis_url, result_expires=timedelta(days=1)) as app:
        with worker(app):
            result = operations.nap.delay(0)
            assert result.get(timeout=10) == 0
        key = app.backend.get_key_for_task(result.id)
        assert 86400 - 60 < app.backend.client.ttl(key) <= 86400  # seconds left to live
        result.forget()  # delete it now
        assert not app.backend.client.exists(key)
# --8<-- [end:test_result_expiry]
