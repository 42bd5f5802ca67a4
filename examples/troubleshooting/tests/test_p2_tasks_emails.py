"""Without retries one SMTP error loses the e-mail; without a guard a duplicate rebuilds."""

import logging
from smtplib import SMTPServerDisconnected
from unittest import mock

import pytest
from tasks import tasks as fixed
from tasks.models import Report

from troubleshooting import tasks_emails


@pytest.fixture(autouse=True)
def eager(settings):
    """Run tasks inline, whatever CELERY_* variables the shell has set."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.CELERY_BROKER_URL = "memory://"


def flaky(real_send_mail, failures: int):
    """A send_mail that drops the connection ``failures`` times, then works."""
    calls = []

    def send(**kwargs):
        calls.append(kwargs)
        if len(calls) <= failures:
            raise SMTPServerDisconnected("Connection unexpectedly closed")
        return real_send_mail(**kwargs)

    return send, calls


# --8<-- [start:test_fragile]
def test_without_retries_one_smtp_error_loses_the_email(mailoutbox, caplog):
    send, calls = flaky(tasks_emails.send_mail, failures=1)
    with mock.patch.object(tasks_emails, "send_mail", side_effect=send):
        result = tasks_emails.send_welcome_email_once.delay("ada@example.com", "Ada")
    assert result.failed()
    assert str(result.result) == "Connection unexpectedly closed"
    assert len(calls) == 1  # tried once, never again
    assert mailoutbox == []
    (line,) = [r.getMessage() for r in caplog.records if r.name == "celery.app.trace"]
    assert line == (
        f"Task troubleshooting.tasks_emails.send_welcome_email_once[{result.id}] "
        "raised unexpected: SMTPServerDisconnected('Connection unexpectedly closed')"
    )


def test_with_autoretry_the_same_error_is_survived(mailoutbox, caplog):
    caplog.set_level(logging.INFO, logger="celery.app.trace")
    send, calls = flaky(fixed.send_mail, failures=1)
    with mock.patch.object(fixed, "send_mail", side_effect=send):
        result = fixed.send_welcome_email.delay("ada@example.com", "Ada")
    assert result.get() == 1
    assert len(calls) == 2  # SMTPServerDisconnected is an SMTPException: retried
    assert len(mailoutbox) == 1
    retry_line = next(r.getMessage() for r in caplog.records if "retry:" in r.getMessage())
    task_name = f"Task tasks.tasks.send_welcome_email[{result.id}]"
    assert retry_line.startswith(f"{task_name} retry: Retry in ")
    assert retry_line.endswith("s: SMTPServerDisconnected('Connection unexpectedly closed')")


@pytest.mark.django_db
def test_a_duplicate_delivery_rebuilds_unless_the_task_claims_the_row():
    fragile_report = Report.objects.create(title="Signups")
    safe_report = Report.objects.create(title="Signups")
    with mock.patch.object(fixed, "build_signups_csv", return_value="day,signups\n") as build:
        for _ in range(2):  # the broker delivers the same message twice
            tasks_emails.generate_report_every_time.delay(fragile_report.pk)
        assert build.call_count == 2  # built twice
        build.reset_mock()
        for _ in range(2):
            fixed.generate_signups_report.delay(safe_report.pk)
        assert build.call_count == 1  # the second delivery found it claimed
# --8<-- [end:test_fragile]
