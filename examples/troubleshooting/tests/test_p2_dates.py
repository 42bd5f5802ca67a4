"""Naive datetimes make Django warn while USE_TZ = True; aware ones do not."""

import datetime
import os
import time
import warnings

import pytest
from django.conf import settings
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


def test_a_naive_datetime_is_read_in_the_default_time_zone(report, settings):
    # Django interprets a naive value in settings.TIME_ZONE: outside UTC that moves the
    # instant by hours, which is why the warning matters.
    settings.TIME_ZONE = "Africa/Nairobi"  # UTC+3, no daylight saving
    naive = datetime.datetime(2026, 1, 1, 12, 0)
    with pytest.warns(RuntimeWarning, match=NAIVE_WARNING):
        Report.objects.filter(pk=report.pk).update(finished_at=naive)
    report.refresh_from_db()
    assert report.finished_at == datetime.datetime(2026, 1, 1, 9, 0, tzinfo=datetime.UTC)


def test_the_page_quotes_the_warning_exactly(report):
    page = (settings.BASE_DIR.parent / "docs" / "challenges"
            / "naive-datetime-warnings-with-time-zone-support.md").read_text()
    with pytest.warns(RuntimeWarning) as caught:
        queries_dates.reports_finished_since_naive(datetime.date(2026, 11, 22))
    assert f"RuntimeWarning: {caught[0].message}\n" in page


def test_the_guess_is_the_default_time_zone_not_the_activated_one(report, settings):
    # timezone.activate() (per user, per request) does not change the guess: Django reads
    # a naive value in settings.TIME_ZONE. make_aware() uses the activated zone instead.
    naive = datetime.datetime(2026, 1, 1, 12, 0)
    with timezone.override("Asia/Tokyo"):  # UTC+9
        with pytest.warns(RuntimeWarning, match=NAIVE_WARNING):
            Report.objects.filter(pk=report.pk).update(finished_at=naive)
        aware = timezone.make_aware(naive)
    report.refresh_from_db()
    assert settings.TIME_ZONE == "UTC"
    assert report.finished_at == datetime.datetime(2026, 1, 1, 12, 0, tzinfo=datetime.UTC)
    assert aware == datetime.datetime(2026, 1, 1, 3, 0, tzinfo=datetime.UTC)


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="Windows has no time.tzset()")
def test_django_sets_the_process_time_zone_to_time_zone(settings):
    # On Linux and macOS Django sets TZ from TIME_ZONE at start-up, so datetime.now() is
    # the wall-clock time in TIME_ZONE, not the machine's own zone (Windows: unchanged).
    assert os.environ["TZ"] == settings.TIME_ZONE
