"""Booking a stay without double-booking, even when two requests arrive at the same moment."""

from datetime import date

from django.db import transaction
from rest_framework.exceptions import APIException
from shop.views import Conflict

from stays.models import Booking, Property


class DatesUnavailable(APIException):
    """``409 Conflict``: the property is already booked for some of the requested nights."""

    status_code = 409
    default_detail = "The property is already booked for some of these dates."
    default_code = "dates_unavailable"


# --8<-- [start:book]
def book(property_id: int, guest, start_date: date, end_date: date) -> Booking:
    """Create a pending booking, or raise ``DatesUnavailable`` if the dates are taken.

    The property's row is locked first (``SELECT ... FOR UPDATE``), so a second booking of
    the same property waits here until this transaction ends, and then sees this booking
    in its overlap check. Bookings of other properties do not wait.
    """
    with transaction.atomic():
        locked = Property.objects.select_for_update().get(pk=property_id)
        taken = (
            Booking.objects.filter(property=locked)
            .active()
            .overlapping(start_date, end_date)
            .exists()
        )
        if taken:
            raise DatesUnavailable()
        nights = (end_date - start_date).days
        return Booking.objects.create(
            property=locked,
            guest=guest,
            start_date=start_date,
            end_date=end_date,
            total_price=locked.price_per_night * nights,
        )
# --8<-- [end:book]


# --8<-- [start:confirm]
def confirm(booking: Booking) -> Booking:
    """Confirm a pending booking, or raise ``Conflict`` (409) if it is no longer pending.

    Reading the status and then saving would let a cancel commit in between, and the save
    would bring the canceled booking back after its nights were given to someone else. One
    conditional ``UPDATE ... WHERE status = 'pending'`` checks and writes in one statement:
    if a cancel committed first, it matches no row.
    """
    changed = Booking.objects.filter(pk=booking.pk, status=Booking.Status.PENDING).update(
        status=Booking.Status.CONFIRMED
    )
    booking.refresh_from_db(fields=["status"])
    if not changed:
        raise Conflict(f"A {booking.status} booking cannot be confirmed.")
    return booking
# --8<-- [end:confirm]
