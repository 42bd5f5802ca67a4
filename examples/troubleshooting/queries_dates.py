"""Naive and aware datetimes against a DateTimeField while ``USE_TZ = True``."""

import datetime

from django.utils import timezone
from tasks.models import Report


# --8<-- [start:naive]
def reports_finished_since_naive(day: datetime.date) -> list[str]:
    """DON'T: a datetime without tzinfo; Django warns and guesses the default time zone."""
    since = datetime.datetime(day.year, day.month, day.day)  # naive: no tzinfo
    return list(Report.objects.filter(finished_at__gte=since).values_list("title", flat=True))


def finish_report_naive(report: Report) -> None:
    """DON'T: datetime.now() is a wall-clock time with no zone; Django has to guess one."""
    report.finished_at = datetime.datetime.now()
    report.save(update_fields=["finished_at"])
# --8<-- [end:naive]


# --8<-- [start:aware]
def reports_finished_since(day: datetime.date) -> list[str]:
    """Start of the day in the current time zone (settings.TIME_ZONE), as an aware datetime."""
    since = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return list(Report.objects.filter(finished_at__gte=since).values_list("title", flat=True))


def finish_report(report: Report) -> None:
    """timezone.now() is aware and in UTC when USE_TZ = True."""
    report.finished_at = timezone.now()
    report.save(update_fields=["finished_at"])
# --8<-- [end:aware]
