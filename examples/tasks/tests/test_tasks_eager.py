"""Task logic, run inline: CELERY_TASK_ALWAYS_EAGER is on with the default memory:// broker."""

import datetime
from pathlib import Path
from smtplib import SMTPException
from unittest import mock

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from celery.result import EagerResult
from celery.schedules import crontab
from celery.utils.time import get_exponential_backoff_interval
from config.celery import app
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from kombu.exceptions import EncodeError
from kombu.transport.redis import Channel as RedisChannel

from tasks import tasks
from tasks.models import Report

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def eager(settings):
    """Run tasks inline, whatever CELERY_* variables the shell has set."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.CELERY_BROKER_URL = "memory://"


def test_the_config_app_reads_django_settings(settings):
    assert app.main == "config"
    assert app.conf.task_routes == {"tasks.tasks.send_welcome_email": {"queue": "emails"}}
    settings.CELERY_TASK_DEFAULT_QUEUE = "elsewhere"  # namespace="CELERY": CELERY_X is x
    assert app.conf.task_default_queue == "elsewhere"


def test_tasks_are_acknowledged_just_before_they_run():
    # Celery's default (task_acks_late=False), which the Celery and RabbitMQ pages and
    # diagrams/architecture/celery-rabbitmq-flow.mmd describe: change all of them together.
    app.loader.import_default_modules()
    assert app.conf.task_acks_late is False
    assert not app.conf.task_reject_on_worker_lost
    assert not any(app.tasks[name].acks_late for name in app.tasks if name.startswith("tasks."))
    diagram = (ROOT / "diagrams/architecture/celery-rabbitmq-flow.mmd").read_text().splitlines()
    ack = next(i for i, line in enumerate(diagram) if line.strip().startswith("W->>Q: ack"))
    work = next(i for i, line in enumerate(diagram) if "build the CSV" in line)
    assert ack < work


def test_autodiscovery_registers_every_task_under_its_module_path():
    app.loader.import_default_modules()
    assert {
        "tasks.tasks.send_welcome_email",
        "tasks.tasks.generate_signups_report",
        "tasks.tasks.generate_daily_signups_report",
    } <= set(app.tasks)


# --8<-- [start:test_email]
def test_welcome_email_is_sent(mailoutbox):
    # Eager mode: delay() runs the task right here and returns an EagerResult.
    result = tasks.send_welcome_email.delay("ada@example.com", "Ada")

    assert isinstance(result, EagerResult)
    assert result.get() == 1
    assert len(mail.outbox) == 1  # pytest-django switches to the locmem e-mail backend
    assert mail.outbox[0].to == ["ada@example.com"]
    assert mail.outbox[0].subject == "Welcome to Nexus, Ada!"
# --8<-- [end:test_email]


# --8<-- [start:test_retry]
def test_a_flaky_smtp_server_is_retried_until_it_works(mailoutbox):
    real_send_mail = tasks.send_mail
    calls = []

    def flaky_send_mail(**kwargs):
        calls.append(kwargs["recipient_list"])
        if len(calls) < 3:
            raise SMTPException("421 Service not available")
        return real_send_mail(**kwargs)

    with mock.patch.object(tasks, "send_mail", side_effect=flaky_send_mail):
        result = tasks.send_welcome_email.delay("ada@example.com", "Ada")

    assert result.get() == 1
    assert len(calls) == 3  # two failures, then success
    assert len(mailoutbox) == 1


def test_retries_stop_after_max_retries():
    with mock.patch.object(tasks, "send_mail", side_effect=SMTPException("down")) as send:
        result = tasks.send_welcome_email.delay("ada@example.com", "Ada")

    assert result.failed()
    assert isinstance(result.result, SMTPException)
    assert send.call_count == 1 + tasks.send_welcome_email.max_retries  # first try + 5 retries
# --8<-- [end:test_retry]


def test_errors_not_listed_in_autoretry_for_fail_at_once():
    with mock.patch.object(tasks, "send_mail", side_effect=ValueError("bad address")) as send:
        result = tasks.send_welcome_email.delay("not-an-address", "Ada")
    assert result.failed()
    assert send.call_count == 1


# --8<-- [start:test_long_countdown]
def test_a_countdown_longer_than_the_brokers_limits_is_refused():
    # RabbitMQ's consumer_timeout defaults to 1800000 ms (30 minutes, RabbitMQ 3.8.17+);
    # kombu's Redis transport hands a message out again after visibility_timeout seconds.
    assert tasks.MAX_COUNTDOWN < 1800 < RedisChannel.visibility_timeout
    with pytest.raises(ValueError, match="too long for the broker"):
        tasks.send_welcome_email_later("ada@example.com", "Ada", wait_seconds=3 * 3600)
# --8<-- [end:test_long_countdown]


# --8<-- [start:test_backoff]
def test_backoff_doubles_the_wait_up_to_the_maximum():
    task = tasks.send_welcome_email
    waits = [
        get_exponential_backoff_interval(
            factor=1, retries=n, maximum=task.retry_backoff_max, full_jitter=False
        )
        for n in range(10)
    ]
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300]
# --8<-- [end:test_backoff]


@pytest.mark.django_db
def test_report_contains_signups_per_day():
    users = get_user_model().objects
    for i, day in enumerate([1, 1, 2]):
        users.create_user(
            f"user{i}", date_joined=datetime.datetime(2025, 3, day, 12, tzinfo=datetime.UTC)
        )
    report = Report.objects.create(title="Signups")

    assert tasks.generate_signups_report.delay(report.pk).get() == "done"

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.content == "day,signups\n2025-03-01,2\n2025-03-02,1\n"
    assert report.finished_at is not None


# --8<-- [start:test_idempotent]
@pytest.mark.django_db
def test_a_duplicate_delivery_does_not_build_the_report_twice():
    report = Report.objects.create(title="Signups")
    with mock.patch.object(tasks, "build_signups_csv", return_value="day,signups\n") as build:
        first = tasks.generate_signups_report.delay(report.pk).get()
        second = tasks.generate_signups_report.delay(report.pk).get()  # same message again

    assert (first, second) == ("done", "done")
    assert build.call_count == 1


@pytest.mark.django_db
def test_an_error_marks_the_report_failed_and_a_later_run_builds_it():
    report = Report.objects.create(title="Signups")
    with mock.patch.object(tasks, "build_signups_csv", side_effect=ValueError("bad row")):
        result = tasks.generate_signups_report.delay(report.pk)
    assert result.failed()
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED  # not stuck in RUNNING

    # A retry, or the same message sent again, claims the FAILED report and does the work.
    with mock.patch.object(tasks, "build_signups_csv", return_value="day,signups\n") as build:
        assert tasks.generate_signups_report.delay(report.pk).get() == "done"
    assert build.call_count == 1
    report.refresh_from_db()
    assert (report.status, report.content) == (Report.Status.DONE, "day,signups\n")


@pytest.mark.django_db
def test_a_delivery_while_another_run_holds_the_report_does_nothing():
    report = Report.objects.create(
        title="Signups", status=Report.Status.RUNNING, started_at=timezone.now()
    )
    with mock.patch.object(tasks, "build_signups_csv") as build:
        assert tasks.generate_signups_report.delay(report.pk).get() == "running"
    build.assert_not_called()
# --8<-- [end:test_idempotent]


@pytest.mark.django_db
def test_a_claim_older_than_the_hard_time_limit_is_taken_over():
    # The prefork pool killed the first run at time_limit: its RUNNING claim is stale.
    assert tasks.generate_signups_report.time_limit == tasks.REPORT_TIME_LIMIT
    stale = timezone.now() - tasks.CLAIM_EXPIRES - datetime.timedelta(seconds=1)
    report = Report.objects.create(title="Signups", status=Report.Status.RUNNING, started_at=stale)
    with mock.patch.object(tasks, "build_signups_csv", return_value="day,signups\n"):
        assert tasks.generate_signups_report.delay(report.pk).get() == "done"
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.started_at > stale


@pytest.mark.django_db
def test_a_run_that_lost_its_claim_does_not_overwrite_the_new_one():
    report = Report.objects.create(title="Signups")

    def taken_over_meanwhile():
        # Another delivery took over the claim while this run was still building.
        later = timezone.now() + datetime.timedelta(seconds=1)
        Report.objects.filter(pk=report.pk).update(started_at=later)
        return "day,signups\nstale\n"

    with mock.patch.object(tasks, "build_signups_csv", side_effect=taken_over_meanwhile):
        assert tasks.generate_signups_report.delay(report.pk).get() == "running"
    report.refresh_from_db()
    assert (report.status, report.content) == (Report.Status.RUNNING, "")


@pytest.mark.django_db
def test_the_soft_time_limit_marks_the_report_failed():
    report = Report.objects.create(title="Signups")
    assert tasks.generate_signups_report.soft_time_limit == 60
    assert tasks.generate_signups_report.time_limit == 90
    with mock.patch.object(tasks, "build_signups_csv", side_effect=SoftTimeLimitExceeded()):
        result = tasks.generate_signups_report.delay(report.pk)

    assert isinstance(result.result, SoftTimeLimitExceeded)
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED


@pytest.mark.django_db
def test_the_daily_task_creates_and_builds_a_report():
    report_pk = tasks.generate_daily_signups_report.delay().get()
    report = Report.objects.get(pk=report_pk)
    assert report.status == Report.Status.DONE
    assert report.title == f"Signups {timezone.now():%Y-%m-%d}"


def test_beat_schedule_names_a_registered_task_at_six_utc():
    app.loader.import_default_modules()
    entry = app.conf.beat_schedule["daily-signups-report"]
    assert entry["task"] in app.tasks
    assert entry["schedule"] == crontab(hour=6, minute=0)
    # The schedule is due when the last run was yesterday morning.
    last_run = timezone.now() - datetime.timedelta(days=1, minutes=1)
    assert entry["schedule"].is_due(last_run).is_due


# --8<-- [start:test_view]
@pytest.mark.django_db
def test_the_view_queues_the_report_after_commit(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post("/tasks/reports/")

    assert response.status_code == 202
    assert response.json()["status"] == "pending"  # the answer did not wait for the work
    assert len(callbacks) == 1  # delay_on_commit() waited for the transaction
    detail = client.get(f"/tasks/reports/{response.json()['id']}/").json()
    assert detail["status"] == "done"
    assert detail["content"].startswith("day,signups\n")
# --8<-- [end:test_view]


@pytest.mark.django_db
def test_no_task_is_sent_before_the_commit(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post("/tasks/reports/")
    assert len(callbacks) == 1
    assert Report.objects.get().status == Report.Status.PENDING


# --8<-- [start:test_eager_pitfall]
def test_eager_mode_runs_the_task_in_the_caller():
    # With CELERY_TASK_ALWAYS_EAGER=True no message is sent: the caller does the work and
    # waits for it. Handy in tests, wrong in production.
    result = tasks.send_welcome_email.delay("ada@example.com", "Ada")
    assert isinstance(result, EagerResult)
    assert result.successful()
# --8<-- [end:test_eager_pitfall]


# --8<-- [start:test_encode_error]
@pytest.mark.django_db
def test_a_model_instance_is_not_a_valid_task_argument():
    user = get_user_model().objects.create_user("ada", email="ada@example.com")
    # Even in eager mode, Celery 5.6 round-trips the arguments through the serializer.
    with pytest.raises(EncodeError, match="Object of type User is not JSON serializable"):
        tasks.send_welcome_email.delay(user, "Ada")
    assert tasks.send_welcome_email.delay(user.email, user.username).get() == 1  # pass values
# --8<-- [end:test_encode_error]
