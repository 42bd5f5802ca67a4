"""Models of the Airbnb clone case study: properties, bookings, payments, reviews, messages."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q


# --8<-- [start:property]
class Property(models.Model):
    """A place a host rents out by the night."""

    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="properties"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    location = models.CharField(max_length=100)
    price_per_night = models.DecimalField(
        max_digits=8, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name_plural = "properties"
        indexes = [
            # ?location=Nairobi&min_price=40&max_price=90: equality column first, range second.
            models.Index(fields=["location", "price_per_night"], name="stays_prop_loc_price_idx"),
            # ?ordering=price_per_night across every location.
            models.Index(fields=["price_per_night"], name="stays_prop_price_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(price_per_night__gt=0), name="stays_property_price_gt_0"
            ),
        ]

    def __str__(self) -> str:
        return self.title
# --8<-- [end:property]


# --8<-- [start:booking]
# The longest stay one booking may cover. Also what keeps total_price in its column: the
# highest nightly rate (max_digits=8, 999,999.99) times 90 nights is 89,999,999.10, which
# fits max_digits=10 (a test checks it), so a valid booking never overflows.
MAX_NIGHTS = 90
# The first total that does not fit max_digits=10, decimal_places=2.
TOTAL_PRICE_LIMIT = Decimal("100000000")


class BookingQuerySet(models.QuerySet):
    """Queries the double-booking check and the availability filter share."""

    def active(self):
        """Bookings that hold their dates: a canceled booking frees them."""
        return self.exclude(status=Booking.Status.CANCELED)

    def overlapping(self, start_date, end_date):
        """Bookings that share at least one night with ``[start_date, end_date)``.

        Check-out day is not a night: a stay ending on the 5th and one starting on the
        5th do not overlap.
        """
        return self.filter(start_date__lt=end_date, end_date__gt=start_date)


class Booking(models.Model):
    """A guest's stay at a property, from check-in (``start_date``) to check-out (``end_date``)."""

    class Status(models.TextChoices):
        PENDING = "pending"
        CONFIRMED = "confirmed"
        CANCELED = "canceled"

    property = models.ForeignKey(
        Property,
        on_delete=models.PROTECT,
        related_name="bookings",
        # The composite index below starts with property: it serves "bookings of this
        # property" on its own, so the foreign key's automatic index would be a duplicate.
        db_index=False,
    )
    guest = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bookings"
    )
    start_date = models.DateField()
    end_date = models.DateField()
    total_price = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created = models.DateTimeField(auto_now_add=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "id"]
        indexes = [
            # The overlap check: property = ? AND start_date < ? AND end_date > ?
            models.Index(
                fields=["property", "start_date", "end_date"], name="stays_booking_prop_dates_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")), name="stays_booking_end_after_start"
            ),
            # PostgreSQL and MySQL refuse a total beyond max_digits by themselves; SQLite
            # would store it, and every later read of the row would fail.
            models.CheckConstraint(
                condition=Q(total_price__gt=0, total_price__lt=TOTAL_PRICE_LIMIT),
                name="stays_booking_total_price_fits",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.property} {self.start_date}..{self.end_date} ({self.status})"

    def clean(self):
        # The admin's forms call this; the API's serializer calls stay_problems() itself.
        if self.property_id and self.guest_id and self.start_date and self.end_date:
            problems = stay_problems(self.property, self.guest, self.start_date, self.end_date)
            if problems:
                raise ValidationError(problems)


def stay_problems(home: Property, guest, start_date: date, end_date: date) -> dict[str, str]:
    """What is wrong with booking ``home`` for ``guest`` from check-in to check-out, by field.

    Empty when the stay may be booked (if the dates are free: that is checked under a lock).
    """
    problems = {}
    if end_date <= start_date:
        problems["end_date"] = "Check-out must be after check-in."
    elif (end_date - start_date).days > MAX_NIGHTS:
        problems["end_date"] = f"A stay is at most {MAX_NIGHTS} nights."
    if home.host_id == guest.pk:
        problems["property"] = "A host cannot book their own property."
    return problems
# --8<-- [end:booking]


# --8<-- [start:payment]
class Payment(models.Model):
    """The payment of one booking; a booking is paid once, so the link is one-to-one."""

    class Method(models.TextChoices):
        CARD = "card"
        MOBILE_MONEY = "mobile_money"
        PAYPAL = "paypal"

    booking = models.OneToOneField(Booking, on_delete=models.PROTECT, related_name="payment")
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    method = models.CharField(max_length=20, choices=Method.choices)
    paid_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="stays_payment_amount_gt_0"),
        ]

    def __str__(self) -> str:
        return f"{self.amount} by {self.method} for booking {self.booking_id}"
# --8<-- [end:payment]


# --8<-- [start:review]
class Review(models.Model):
    """A guest's rating of a property, at most one per guest and property."""

    property = models.ForeignKey(
        Property,
        on_delete=models.CASCADE,
        related_name="reviews",
        db_index=False,  # the unique constraint's index starts with property
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews"
    )
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["property", "author"], name="stays_review_one_per_author"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="stays_review_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating}/5 for {self.property} by {self.author}"
# --8<-- [end:review]


# --8<-- [start:message]
class Message(models.Model):
    """A private message from one user to another."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sent_messages",
        db_index=False,  # the conversation index starts with sender
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="received_messages"
    )
    body = models.TextField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "id"]
        indexes = [
            # A conversation: (sender = a AND recipient = b) OR (sender = b AND recipient = a).
            # Each half of the OR is one narrow range of this index; the recipient's own
            # index would read every message a busy host ever received.
            models.Index(
                fields=["sender", "recipient", "sent_at"], name="stays_message_convo_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender} to {self.recipient} at {self.sent_at:%Y-%m-%d %H:%M}"
# --8<-- [end:message]
