"""A Celery app on the real RabbitMQ and Redis, and a worker for it in a thread of the tests.

Shared by the live tests of the canvas, pools and monitoring examples (and the worker
manifest's probe test). Like ``test_tasks_live.py``: every app gets queue names of its
own, so test runs never see each other's messages, and ``@shared_task`` tasks join it.
"""

import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from celery import Celery
from celery.contrib.testing.worker import start_worker
from config.celery import app as project_app

# The modules whose tasks these tests run; autodiscover_tasks() only finds tasks.py.
EXAMPLE_TASK_MODULES = ["tasks.tasks", "tasks.canvas", "tasks.operations"]
EXAMPLES = Path(__file__).resolve().parents[2]


@contextmanager
def live_app(broker_url: str, backend_url: str | None, **conf):
    """A fresh app on the servers, with its own default and e-mail queues.

    A fresh app and not ``config.celery.app``: Django's CELERY_* settings would win over
    ``conf.update()``, and they say "eager, in memory".
    """
    suffix = uuid.uuid4().hex[:8]
    default_queue, email_queue = f"celery-{suffix}", f"emails-{suffix}"
    app = Celery(f"live-{suffix}", broker=broker_url, backend=backend_url,
                 include=EXAMPLE_TASK_MODULES)
    app.conf.update(
        task_default_queue=default_queue,
        task_routes={"tasks.tasks.send_welcome_email": {"queue": email_queue}},
        result_expires=300,
        worker_hijack_root_logger=False,
        broker_connection_retry_on_startup=False,
    )
    app.conf.update(conf)
    app.loader.import_default_modules()  # what a worker does at start: imports include=
    app.set_current()
    app.queue_names = (default_queue, email_queue)
    app.suffix = suffix
    try:
        yield app
    finally:
        with app.connection_for_write() as conn:
            for name in app.queue_names:  # Celery declared a queue and an exchange for each
                conn.default_channel.queue_delete(name)
                conn.default_channel.exchange_delete(name)
        app.close()
        project_app.set_current()
        project_app.set_default()


def worker(app: Celery, *queues: str, pool: str = "solo", concurrency: int = 1, **options):
    """Like ``celery -A config worker -Q <queues> -P <pool> -c <concurrency>``, in a thread."""
    return start_worker(
        app,
        pool=pool,
        concurrency=concurrency,
        perform_ping_check=False,
        queues=list(queues or app.queue_names),
        use_eventloop=False,
        shutdown_timeout=20,
        **options,
    )


def queue_depth(app: Celery, name: str) -> int:
    """Messages ready in a RabbitMQ queue, not counting those delivered to a worker."""
    with app.connection_for_write() as conn:
        return conn.default_channel.queue_declare(queue=name, passive=True).message_count


@contextmanager
def cli_worker(app: Celery, queue: str, *options: str, log_file: Path):
    """Run ``celery -A config worker`` as a process of its own, on ``app``'s broker and backend.

    The real command, as a pod or a terminal runs it (from ``examples/``, with the URLs in
    the environment), for what a thread cannot show: prefork's child processes.
    """
    hostname = f"celery@cli-{uuid.uuid4().hex[:8]}"
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue,
        "-n", hostname, "--include", "tasks.operations", "--loglevel", "WARNING", *options,
    ]
    env = {
        **os.environ,
        "CELERY_BROKER_URL": app.conf.broker_url,
        "CELERY_RESULT_BACKEND": app.conf.result_backend,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    with open(log_file, "w") as log:
        process = subprocess.Popen(
            command, cwd=EXAMPLES, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 60
        while not app.control.inspect(destination=[hostname], timeout=1).ping():
            assert process.poll() is None, Path(log_file).read_text()
            assert time.monotonic() < deadline, "the worker did not answer a ping in 60 s"
        yield hostname
    finally:
        process.terminate()  # SIGTERM: warm shutdown, as Kubernetes stops a pod
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
