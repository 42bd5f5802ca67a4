"""Real workers, a real RabbitMQ broker and a real Redis result backend.

Each test builds its own Celery app, points it at the servers and gives it queue names of
its own, so runs never see each other's messages. The project's tasks register on it
because ``@shared_task`` adds every task to every app.
The worker runs in a thread of the test process (``celery.contrib.testing.worker``).
"""

import logging
import time
import uuid

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from celery.exceptions import NotRegistered
from celery.exceptions import TimeoutError as CeleryTimeoutError
from celery.result import AsyncResult
from config.celery import app as project_app
from kombu.exceptions import OperationalError

from tasks import tasks

pytestmark = [pytest.mark.rabbitmq, pytest.mark.redis]


@pytest.fixture(autouse=True)
def no_celery_environment(monkeypatch):
    """Celery reads these variables before any URL given in code: keep them out."""
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def live_app(rabbitmq_url, redis_url, monkeypatch):
    monkeypatch.setenv("TEST_BROKER", rabbitmq_url)  # start_worker checks this URL first
    suffix = uuid.uuid4().hex[:8]
    default_queue, email_queue = f"celery-{suffix}", f"emails-{suffix}"
    # A fresh app, not config.celery.app: Django's CELERY_* settings would win over
    # conf.update(), and they say "eager, in memory". @shared_task tasks join every app.
    app = Celery("live", broker=rabbitmq_url, backend=redis_url)
    app.conf.update(
        task_default_queue=default_queue,
        task_routes={"tasks.tasks.send_welcome_email": {"queue": email_queue}},
        result_expires=300,
        worker_hijack_root_logger=False,
        broker_connection_retry_on_startup=False,
    )
    app.set_current()
    assert tasks.send_welcome_email.app is app
    assert not app.conf.task_always_eager
    app.queue_names = (default_queue, email_queue)
    yield app
    with app.connection_for_write() as conn:
        for name in app.queue_names:  # Celery declared a queue and an exchange for each
            conn.default_channel.queue_delete(name)
            conn.default_channel.exchange_delete(name)
    app.close()
    project_app.set_current()
    project_app.set_default()


@pytest.fixture
def worker_errors():
    """Messages the worker logs at ERROR level, collected from the 'celery' logger."""
    messages: list[str] = []
    handler = logging.Handler(level=logging.ERROR)
    handler.emit = lambda record: messages.append(record.getMessage())
    logger = logging.getLogger("celery")
    logger.addHandler(handler)
    yield messages
    logger.removeHandler(handler)


def worker(app: Celery, *queues: str):
    """Like ``celery -A config worker -Q <queues> --pool solo``, in a thread of this process."""
    # Without the event loop the worker checks for shutdown every two seconds or so.
    return start_worker(
        app, perform_ping_check=False, queues=list(queues), use_eventloop=False, shutdown_timeout=15
    )


def queue_depth(app: Celery, name: str) -> int:
    """Messages waiting in a RabbitMQ queue (declared passively: it must exist)."""
    with app.connection_for_write() as conn:
        return conn.default_channel.queue_declare(queue=name, passive=True).message_count


# --8<-- [start:test_round_trip]
def test_a_worker_runs_the_task_and_stores_the_result(live_app, mailoutbox):
    default_queue, email_queue = live_app.queue_names
    with worker(live_app, default_queue, email_queue):
        result = tasks.send_welcome_email.delay("ada@example.com", "Ada")
        assert isinstance(result, AsyncResult)  # a message went through RabbitMQ
        assert result.get(timeout=10) == 1  # the return value came back through Redis

    assert result.state == "SUCCESS"
    assert [m.to for m in mailoutbox] == [["ada@example.com"]]
# --8<-- [end:test_round_trip]


def test_countdown_holds_the_task_back(live_app, mailoutbox):
    default_queue, email_queue = live_app.queue_names
    with worker(live_app, default_queue, email_queue):
        sent_at = time.monotonic()
        result = tasks.send_welcome_email_later("ada@example.com", "Ada", wait_seconds=2)
        assert result.get(timeout=15) == 1
        assert time.monotonic() - sent_at >= 2  # never before the countdown
    assert len(mailoutbox) == 1


# --8<-- [start:test_unconsumed_queue]
def test_a_task_waits_until_a_worker_consumes_its_queue(live_app, mailoutbox):
    default_queue, email_queue = live_app.queue_names

    # A worker on the default queue only: the e-mail task is routed elsewhere.
    with worker(live_app, default_queue):
        result = tasks.send_welcome_email.delay("ada@example.com", "Ada")
        with pytest.raises(CeleryTimeoutError):
            result.get(timeout=2)
    assert result.state == "PENDING"
    assert mailoutbox == []
    assert queue_depth(live_app, email_queue) == 1  # the message waits in RabbitMQ

    # A worker that consumes the e-mail queue picks it up.
    with worker(live_app, email_queue):
        assert result.get(timeout=10) == 1
    assert len(mailoutbox) == 1
    assert queue_depth(live_app, email_queue) == 0
# --8<-- [end:test_unconsumed_queue]


# --8<-- [start:test_unregistered]
def test_a_worker_discards_a_task_it_does_not_know(live_app, worker_errors):
    default_queue, _ = live_app.queue_names
    with worker(live_app, default_queue):
        # send_task() sends by name: nothing checks that a worker has the task.
        result = live_app.send_task("tasks.tasks.send_newsletter", args=[42])
        deadline = time.monotonic() + 10
        while not worker_errors and time.monotonic() < deadline:
            time.sleep(0.1)

    assert worker_errors[0].startswith(
        "Received unregistered task of type 'tasks.tasks.send_newsletter'.\n"
        "The message has been ignored and discarded."
    )
    # The worker also records the failure in the result backend.
    with pytest.raises(NotRegistered, match="tasks.tasks.send_newsletter"):
        result.get(timeout=5)
# --8<-- [end:test_unregistered]


# --8<-- [start:test_wrong_broker]
def test_a_wrong_broker_url_fails_when_sending():
    app = Celery("wrong", broker="amqp://guest:guest@127.0.0.1:1//")  # nothing listens there
    app.conf.broker_connection_timeout = 1
    try:
        with pytest.raises(OperationalError, match="Connection refused"):
            app.send_task("tasks.tasks.send_welcome_email", args=["ada@example.com", "Ada"])
    finally:
        app.close()
        project_app.set_current()
# --8<-- [end:test_wrong_broker]


def test_wrong_credentials_are_refused(rabbitmq_url):
    bad_url = rabbitmq_url.replace("guest:guest@", "guest:wrong@")
    app = Celery("wrong-credentials", broker=bad_url)
    try:
        with pytest.raises(Exception, match="ACCESS_REFUSED"):
            app.send_task("tasks.tasks.send_welcome_email", args=["ada@example.com", "Ada"])
    finally:
        app.close()
        project_app.set_current()
