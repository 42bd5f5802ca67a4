"""Signatures, chains, groups and chords: inline (eager), then on a real worker.

The eager tests use the project's app with CELERY_TASK_ALWAYS_EAGER on, as the unit tests
of a task's logic do. The live tests send the same workflows through RabbitMQ to a worker
thread and read the results back from Redis, because eager mode hides exactly the part a
canvas depends on: the result backend.
"""

import pytest
from celery import Celery, chain, chord, group
from celery.canvas import _chord
from celery.exceptions import TimeoutError as CeleryTimeoutError
from celery.result import EagerResult
from config.celery import app as project_app

from tasks import canvas
from tasks.tests.live_worker import live_app, worker

LINES = [(2, 1250), (1, 499)]  # two items at 12.50, one at 4.99
SHIPPING = 500


@pytest.fixture
def eager(settings):
    """Run tasks inline, whatever CELERY_* variables the shell has set."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.CELERY_BROKER_URL = "memory://"


# --8<-- [start:test_signatures]
def test_a_signature_is_a_task_call_to_send_later(eager):
    later = canvas.add_shipping.s(SHIPPING)  # partial: the subtotal comes first, later
    assert later.task == "tasks.canvas.add_shipping"
    assert later.args == (SHIPPING,)
    assert later(2000) == 2500  # calling it runs the function here, like any function
    assert later.delay(2000).get() == 2500  # delay() sends it (inline in eager mode)
    fixed = canvas.format_cents.si(999)  # immutable: ignores the previous result
    assert fixed.immutable
    assert fixed.args == (999,)
# --8<-- [end:test_signatures]


# --8<-- [start:test_chain_and_si]
def test_a_chain_passes_each_result_on_unless_the_signature_is_immutable(eager):
    total = chain(canvas.line_total.s(2, 1250), canvas.format_cents.s())
    assert total.delay().get() == "25.00"  # format_cents(2500)

    # .si(): the next task gets only its own arguments, not the 2500 before it.
    fixed = chain(canvas.line_total.s(2, 1250), canvas.format_cents.si(999))
    assert fixed.delay().get() == "9.99"

    # .s() with an argument of its own: the worker calls format_cents(2500, 999).
    wrong = chain(canvas.line_total.s(2, 1250), canvas.format_cents.s(999))
    with pytest.raises(TypeError, match=r"format_cents\(\) takes 1 positional argument but 2"):
        wrong.delay().get()
# --8<-- [end:test_chain_and_si]


# --8<-- [start:test_group_and_chord]
def test_a_group_runs_in_parallel_and_a_chord_adds_a_callback(eager):
    lines = group(canvas.line_total.s(quantity, unit) for quantity, unit in LINES)
    assert lines.delay().get() == [2500, 499]  # one result per task, in order

    workflow = canvas.invoice_total(LINES, SHIPPING)
    assert isinstance(workflow, _chord)  # the chain after the chord became its callback
    result = workflow.delay()
    assert isinstance(result, EagerResult)
    assert result.get() == "34.99"  # 2500 + 499 + 500 cents
# --8<-- [end:test_group_and_chord]


# --8<-- [start:test_chord_needs_a_backend]
def test_a_chord_needs_a_result_backend():
    app = Celery("no-backend", broker="memory://")  # no result backend configured
    try:
        header = group(canvas.line_total.s(quantity, unit) for quantity, unit in LINES)
        # A group chained to a task is a chord too: the callback must wait for all of them.
        assert isinstance(header | canvas.sum_cents.s(), _chord)
        with pytest.raises(NotImplementedError) as error:
            chord(header, canvas.sum_cents.s()).apply_async()
        assert str(error.value).startswith(
            "Starting chords requires a result backend to be configured."
        )

        # Eager mode runs it anyway, so unit tests pass where production would fail.
        app.conf.task_always_eager = True
        assert chord(header, canvas.sum_cents.s()).apply_async().get() == 2999
    finally:
        app.close()
        project_app.set_current()
# --8<-- [end:test_chord_needs_a_backend]


def test_the_project_worker_does_not_import_this_module_by_itself():
    # autodiscover_tasks() looks for "<app>.tasks" modules only. These tests register the
    # canvas tasks by importing the module; a worker needs include= or CELERY_IMPORTS.
    assert "tasks.canvas" not in project_app.conf.imports
    app = Celery("imports", broker="memory://", include=["tasks.canvas"])
    try:
        assert "tasks.canvas" in app.loader.default_modules
    finally:
        app.close()
        project_app.set_current()


# ---- Live: a real worker, RabbitMQ and Redis ----------------------------------------------

@pytest.fixture
def live(rabbitmq_url, redis_url, monkeypatch):
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):  # they would win over code
        monkeypatch.delenv(name, raising=False)
    with live_app(rabbitmq_url, redis_url) as app:
        yield app


def redis_has_result(app, task_id: str) -> bool:
    """Whether the Redis result backend stored anything for this task id."""
    return bool(app.backend.client.exists(app.backend.get_key_for_task(task_id)))


# --8<-- [start:test_live_chord]
@pytest.mark.rabbitmq
@pytest.mark.redis
def test_a_chord_runs_on_a_real_worker_and_the_result_comes_back_from_redis(live):
    with worker(live):
        result = canvas.invoice_total(LINES, SHIPPING).delay()
        assert result.get(timeout=15) == "34.99"
        assert redis_has_result(live, result.id)

        # The worker checks format_cents's arguments when it sends it, after line_total
        # returned: the error is reported against line_total, "outside" its body.
        wrong = chain(canvas.line_total.s(2, 1250), canvas.format_cents.s(999))
        result = wrong.freeze()  # the ids of its tasks, before it is sent
        with (
            pytest.warns(RuntimeWarning, match="Exception raised outside body: TypeError"),
            pytest.raises(TypeError, match="takes 1 positional argument but 2 were given"),
        ):
            wrong.delay().get(timeout=15)
    assert (result.parent.state, result.state) == ("FAILURE", "FAILURE")
# --8<-- [end:test_live_chord]


# --8<-- [start:test_live_ignore_result]
@pytest.mark.rabbitmq
@pytest.mark.redis
def test_a_task_that_ignores_its_result_stores_nothing(live, mailoutbox):
    with worker(live):
        result = canvas.invoice_and_email(LINES, SHIPPING, "ada@example.com").delay()
        # The workflow's result is its last task's, and email_invoice stores none:
        with pytest.raises(CeleryTimeoutError):
            result.get(timeout=5)
    assert [m.subject for m in mailoutbox] == ["Your Nexus invoice: 34.99"]  # it did run
    assert result.state == "PENDING"  # ...but Redis never heard of it
    assert not redis_has_result(live, result.id)
# --8<-- [end:test_live_ignore_result]
