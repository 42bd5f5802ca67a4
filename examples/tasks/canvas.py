"""Celery canvas: signatures, chains, groups and chords, on the tasks that total an invoice.

Each task is a small pure function of its arguments; the canvas decides where its input
comes from. ``config/celery.py``'s ``autodiscover_tasks()`` imports only each app's
``tasks.py``, so a worker registers the tasks of this module only when it is told to
import it: ``include=["tasks.canvas"]`` on the app, or ``CELERY_IMPORTS`` in the settings
(see ``tests/test_canvas.py``).
"""

from celery import chord, group, shared_task
from celery.canvas import Signature
from django.core.mail import send_mail


# --8<-- [start:tasks]
@shared_task
def line_total(quantity: int, unit_cents: int) -> int:
    """Price of one invoice line, in cents."""
    return quantity * unit_cents


@shared_task
def sum_cents(totals: list[int]) -> int:
    """Add the line totals: a chord's callback receives them as one list."""
    return sum(totals)


@shared_task
def add_shipping(subtotal_cents: int, shipping_cents: int) -> int:
    """Add the shipping cost; in a chain, the subtotal is the previous task's result."""
    return subtotal_cents + shipping_cents


@shared_task
def format_cents(cents: int) -> str:
    """Render cents as a price: 2999 becomes "29.99"."""
    return f"{cents // 100}.{cents % 100:02d}"
# --8<-- [end:tasks]


# --8<-- [start:email_invoice]
@shared_task(ignore_result=True)  # nobody reads its return value: store nothing
def email_invoice(total: str, email: str) -> None:
    """Send the invoice total; in a chain, ``total`` is the previous task's result."""
    send_mail(
        subject=f"Your Nexus invoice: {total}",
        message=f"Your order comes to {total}.\n",
        from_email="billing@nexus.example",
        recipient_list=[email],
    )
# --8<-- [end:email_invoice]


# --8<-- [start:workflow]
def invoice_total(lines: list[tuple[int, int]], shipping_cents: int) -> Signature:
    """Price every line in parallel, add them up, add shipping, format the result.

    Args:
        lines: One ``(quantity, unit price in cents)`` pair per invoice line.
        shipping_cents: The shipping cost, in cents.

    Returns:
        A signature of the whole workflow; nothing runs until it is sent
        (``.delay()``, ``.apply_async()``) and its result is the formatted total.

    """
    # group: independent tasks that may run at the same time, on any workers.
    lines_in_parallel = group(line_total.s(quantity, unit) for quantity, unit in lines)
    # chord: the group, then one callback that receives the list of their results.
    subtotal = chord(lines_in_parallel, sum_cents.s())
    # chain (|): each task's result becomes the first argument of the next.
    return subtotal | add_shipping.s(shipping_cents) | format_cents.s()


def invoice_and_email(lines: list[tuple[int, int]], shipping_cents: int, email: str) -> Signature:
    """The invoice workflow, then an e-mail with its total."""
    return invoice_total(lines, shipping_cents) | email_invoice.s(email)
# --8<-- [end:workflow]
