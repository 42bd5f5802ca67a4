"""Celery tasks of the examples project: an e-mail and a report, built in the background.

``config/celery.py`` discovers this module (``app.autodiscover_tasks()`` imports
``tasks.py`` from every installed app), so a worker registers each task under its full
name, for example ``tasks.tasks.send_welcome_email``.
"""

import csv
import io
from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from celery.result import AsyncResult
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from .models import Report


# --8<-- [start:send_welcome_email]
@shared_task(
    autoretry_for=(SMTPException, ConnectionError),  # retry on these, fail on anything else
    retry_backoff=True,  # wait 1 s, 2 s, 4 s, 8 s... between attempts
    retry_backoff_max=300,  # never wait more than 5 minutes
    retry_jitter=True,  # randomise each wait so retries do not arrive in waves
    max_retries=5,  # then give up and mark the task FAILURE
)
def send_welcome_email(email: str, name: str) -> int:
    """Send the welcome e-mail to a new user.

    Args:
        email: The recipient's address.
        name: The name used in the greeting.

    Returns:
        The number of messages sent (1).

    """
    return send_mail(
        subject=f"Welcome to Nexus, {name}!",
        message=f"Hi {name},\n\nyour account is ready.\n",
        from_email="no-reply@nexus.example",
        recipient_list=[email],
    )
# --8<-- [end:send_welcome_email]


# --8<-- [start:apply_async]
# A worker holds a countdown task's message unacknowledged until it is due. RabbitMQ closes
# the channel of a delivery left unacknowledged past its consumer_timeout (30 minutes by
# default), and a Redis broker hands it to another worker after its visibility_timeout
# (1 hour): keep countdowns to minutes, and schedule longer waits with beat or a due date.
MAX_COUNTDOWN = 15 * 60  # seconds


def send_welcome_email_later(email: str, name: str, wait_seconds: int) -> AsyncResult:
    """Queue the welcome e-mail to run in ``wait_seconds``, and drop it if an hour late.

    Args:
        email: The recipient's address.
        name: The name used in the greeting.
        wait_seconds: How long the worker holds the task before running it.

    Returns:
        The task's result handle: its id, state and, once done, its return value.

    Raises:
        ValueError: ``wait_seconds`` is longer than ``MAX_COUNTDOWN``.

    """
    if wait_seconds > MAX_COUNTDOWN:
        raise ValueError(f"a {wait_seconds} s countdown is too long for the broker: use beat")
    return send_welcome_email.apply_async(
        args=(email, name),
        countdown=wait_seconds,  # run no earlier than this many seconds from now
        expires=wait_seconds + 3600,  # a worker that gets it later marks it REVOKED
    )
# --8<-- [end:apply_async]


def build_signups_csv() -> str:
    """Count the users who joined on each day, as CSV text with a header row."""
    rows = (
        get_user_model()
        .objects.annotate(day=TruncDate("date_joined"))
        .values("day")
        .annotate(signups=Count("id"))
        .order_by("day")
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["day", "signups"])
    for row in rows:
        writer.writerow([row["day"].isoformat(), row["signups"]])
    return out.getvalue()


# --8<-- [start:generate_report]
REPORT_TIME_LIMIT = 90  # seconds: the prefork pool kills the task's process after this
# A RUNNING claim older than the hard limit (plus a margin) cannot belong to a live task.
CLAIM_EXPIRES = timedelta(seconds=REPORT_TIME_LIMIT + 30)


@shared_task(soft_time_limit=60, time_limit=REPORT_TIME_LIMIT)
def generate_signups_report(report_id: int) -> str:
    """Build the signups CSV of one Report; safe to deliver twice, safe to run again.

    Args:
        report_id: Primary key of a Report created by the web process.

    Returns:
        The report's status when this run ends.

    """
    # Claim the report with one atomic UPDATE: only one delivery can win it. PENDING is new
    # work, FAILED is an earlier run that gave up, and an expired RUNNING claim is a run
    # whose worker was killed. A fresh RUNNING claim or DONE means: nothing to do here.
    started = timezone.now()
    claimable = Q(status__in=[Report.Status.PENDING, Report.Status.FAILED]) | Q(
        status=Report.Status.RUNNING, started_at__lt=started - CLAIM_EXPIRES
    )
    claimed = Report.objects.filter(claimable, pk=report_id).update(
        status=Report.Status.RUNNING, started_at=started
    )
    if not claimed:
        return report_status(report_id)
    mine = Report.objects.filter(pk=report_id, status=Report.Status.RUNNING, started_at=started)
    try:
        content = build_signups_csv()
    except Exception:
        # Any error, the soft time limit included: never leave the report RUNNING, or
        # every later delivery would skip it. FAILED can be claimed again.
        mine.update(status=Report.Status.FAILED)
        raise
    if not mine.update(status=Report.Status.DONE, content=content, finished_at=timezone.now()):
        return report_status(report_id)  # our claim expired and another run took over
    return Report.Status.DONE


def report_status(report_id: int) -> str:
    """The report's status as stored now."""
    return Report.objects.values_list("status", flat=True).get(pk=report_id)
# --8<-- [end:generate_report]


# --8<-- [start:periodic]
@shared_task
def generate_daily_signups_report() -> int:
    """Create today's signups report and build it; beat calls this every morning.

    Returns:
        The primary key of the new report.

    """
    report = Report.objects.create(title=f"Signups {timezone.now():%Y-%m-%d}")
    generate_signups_report.delay(report.pk)
    return report.pk
# --8<-- [end:periodic]
