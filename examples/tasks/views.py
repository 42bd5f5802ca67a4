"""HTTP endpoints that hand work to Celery and report on it."""

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from .models import Report
from .tasks import generate_signups_report


# --8<-- [start:request_report]
@require_POST
def request_report(request: HttpRequest) -> JsonResponse:
    """Create a report and queue its generation; answer at once with 202 Accepted."""
    report = Report.objects.create(title="Signups")
    # Queue the task only after the row is committed, or a fast worker may not find it.
    generate_signups_report.delay_on_commit(report.pk)
    return JsonResponse({"id": report.pk, "status": report.status}, status=202)


@require_GET
def report_detail(request: HttpRequest, pk: int) -> JsonResponse:
    """Let the client poll until the worker has finished the report."""
    report = get_object_or_404(Report, pk=pk)
    return JsonResponse({"id": report.pk, "status": report.status, "content": report.content})
# --8<-- [end:request_report]
