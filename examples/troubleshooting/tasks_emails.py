"""Background e-mails and reports written the fragile way: the "before" of the challenge.

The fixed versions are ``tasks.tasks.send_welcome_email`` (retries with backoff) and
``tasks.tasks.generate_signups_report`` (idempotent). These live outside a ``tasks.py``
module, so a worker started with ``celery -A config worker`` would not even register
them; the tests import them and run them eagerly.
"""

from celery import shared_task
from django.core.mail import send_mail
from django.utils import timezone
from tasks import tasks as fixed
from tasks.models import Report


# --8<-- [start:fragile]
@shared_task
def send_welcome_email_once(email: str, name: str) -> int:
    """DON'T: one SMTP hiccup and the task fails for good; the e-mail is never sent."""
    return send_mail(
        subject=f"Welcome to Nexus, {name}!",
        message=f"Hi {name},\n\nyour account is ready.\n",
        from_email="no-reply@nexus.example",
        recipient_list=[email],
    )


@shared_task
def generate_report_every_time(report_id: int) -> str:
    """DON'T: a second delivery of the same message builds (and sends) the report again."""
    report = Report.objects.get(pk=report_id)
    report.content = fixed.build_signups_csv()
    report.status = Report.Status.DONE
    report.finished_at = timezone.now()
    report.save()
    return report.status
# --8<-- [end:fragile]
