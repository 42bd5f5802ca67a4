"""A view that builds a report and sends an e-mail inside the request: the "before" version.

The fixed version is ``tasks.views.request_report``: it queues the work on Celery and
answers ``202 Accepted`` at once.
"""

from django.core.mail import send_mail
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST
from tasks import tasks as background
from tasks.models import Report


# --8<-- [start:inline_view]
@require_POST
def request_report_inline(request: HttpRequest) -> JsonResponse:
    """DON'T: build the report and e-mail it while the browser waits for the response."""
    report = Report.objects.create(title="Signups", status=Report.Status.RUNNING)
    content = background.build_signups_csv()  # seconds or minutes on a big table
    report.content = content
    report.status = Report.Status.DONE
    report.finished_at = timezone.now()
    report.save()
    send_mail(  # a slow or unreachable SMTP server now makes the request slow or fail
        subject="Your signups report",
        message=content,
        from_email="no-reply@nexus.example",
        recipient_list=["ops@nexus.example"],
    )
    return JsonResponse({"id": report.pk, "status": report.status}, status=200)
# --8<-- [end:inline_view]
