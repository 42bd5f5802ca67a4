"""Celery tasks of the audiobook platform: the purchase receipt, sent in the background.

``config/celery.py`` discovers this module, so a worker registers the task as
``audiobooks.tasks.send_purchase_receipt``.
"""

from smtplib import SMTPException

from celery import shared_task
from django.core.mail import send_mail

from audiobooks.models import Purchase


# --8<-- [start:receipt_task]
@shared_task(
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def send_purchase_receipt(purchase_id: int) -> int:
    """E-mail the receipt of one purchase to its buyer.

    The task takes the purchase's id, not the object: arguments travel through the broker
    as JSON, and the worker reads the row as it is when the task runs.

    Args:
        purchase_id: Primary key of the ``Purchase``.

    Returns:
        The number of messages sent: 1, or 0 when the buyer has no e-mail address.

    """
    purchase = Purchase.objects.select_related("user", "audiobook").get(pk=purchase_id)
    if not purchase.user.email:
        return 0
    return send_mail(
        subject=f"Your receipt for {purchase.audiobook.title}",
        message=(
            f"Hi {purchase.user.get_username()},\n\n"
            f"thank you for buying {purchase.audiobook.title}.\n"
            f"Amount paid: {purchase.price_paid}\n"
            f"Receipt number: {purchase.pk}\n"
        ),
        from_email="receipts@nexus.example",
        recipient_list=[purchase.user.email],
    )
# --8<-- [end:receipt_task]
