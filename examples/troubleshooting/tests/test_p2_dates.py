"""Naive datetimes make Django warn while USE_TZ = True; aware ones do not."""

import datetime
import warnings

import pytest
from django.utils import timezone
from tasks.models import Report

from troubleshooting import queries_dates

pytestmark = pytest.mark.django_db

NAIVE_WARNING = (
    r"DateTimeField Report\.finished_at received a naive datetime \(.*\) "
    r"while time zone support is active\."
)


@pytest.fixture
def report():
    return Report.objects.create(title="Signups", finished_at=timezone.now())


# --8<-- [start:test_naive]
def test_a_naive_datetime_warns_when_filtering_and_saving(report):
    today = timezone.localdate()
    with pytest.warns(RuntimeWarning, match=NAIVE_WARNING):
        assert queries_dates.reports_finished_since_naive(today) == ["Signups"]
    with pytest.warns(RuntimeWarning, match=NAIVE_WARNING):
        queries_dates.finish_report_naive(report)


def test_aware_datetimes_do_not_warn(report, settings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the test
        assert queries_dates.reports_finished_since(timezone.localdate()) == ["Signups"]
        queries_dates.finish_report(report)
    report.refresh_from_db()
    assert report.finished_at.tzinfo is not None
    assert settings.USE_TZ is True
# --8<-- [end:test_naive]


def test_a_naive_datetime_is_read_in_the_current_time_zone(report, settings):
    # Django interprets a naive value in settings.TIME_ZONE: outside UTC that moves the
    # instant by hours, which is why the warning matters.
    settings.TIME_ZONE = "Africa/Nairobi"  # UTC+3, no daylight saving
    naive = datetime.datetime(2026, 1, 1, 12, 0)
    with pytest.warns(RuntimeWarning, match=NAIVE_WARNING):
        Report.objects.filter(pk=report.pk).update(finished_at=naive)
    report.refresh_from_db()
    assert report.finished_at == datetime.datetime(2026, 1, 1, 9, 0, tzinfo=datetime.UTC)
