"""Slow work inside the request holds the response; queued on Celery, the response is instant."""

import json
import time

import pytest
from django.test import RequestFactory
from tasks import tasks as background
from tasks import views as queued_views
from tasks.models import Report

from troubleshooting import web_reports

pytestmark = pytest.mark.django_db

SLOW_SECONDS = 0.5


@pytest.fixture
def slow_report(monkeypatch):
    """Pretend the report takes SLOW_SECONDS to build, as it would on a big table."""
    build = background.build_signups_csv

    def slow_build() -> str:
        time.sleep(SLOW_SECONDS)
        return build()

    monkeypatch.setattr(background, "build_signups_csv", slow_build)


def post(view):
    return view(RequestFactory().post("/reports/"))


# --8<-- [start:test_blocking]
def test_the_inline_view_makes_the_client_wait(slow_report, mailoutbox):
    started = time.monotonic()
    response = post(web_reports.request_report_inline)
    assert time.monotonic() - started >= SLOW_SECONDS  # the browser waited for all of it
    assert response.status_code == 200
    assert Report.objects.get().status == Report.Status.DONE
    assert len(mailoutbox) == 1


def test_the_queued_view_answers_at_once(slow_report, django_capture_on_commit_callbacks):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post(queued_views.request_report)
    assert time.monotonic() - started < SLOW_SECONDS  # nothing slow ran in the request
    assert response.status_code == 202
    assert Report.objects.get().status == Report.Status.PENDING
    assert len(callbacks) == 1  # the task is sent to the broker when the transaction commits
# --8<-- [end:test_blocking]


def test_the_queued_report_is_built_by_the_task(django_capture_on_commit_callbacks):
    # Eager mode (the test settings) runs the task in this process once the callback fires.
    with django_capture_on_commit_callbacks(execute=True):
        response = post(queued_views.request_report)
    report = Report.objects.get(pk=json.loads(response.content)["id"])
    assert report.status == Report.Status.DONE
    assert report.content.startswith("day,signups\n")


def test_a_failing_mail_server_fails_the_inline_request(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    with pytest.raises(ConnectionRefusedError, match=r"^\[Errno 111\] Connection refused$"):
        post(web_reports.request_report_inline)
