"""A small, deterministic set of hosts, guests, properties, bookings, reviews and messages."""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from stays.models import Booking, Message, Payment, Property, Review

SAMPLE_PASSWORD = "stays-pass-123"

# (title, location, price per night); the first three belong to amina, the rest to kofi.
PROPERTIES = [
    ("Garden cottage", "Nairobi", "45.00"),
    ("City loft", "Nairobi", "80.00"),
    ("Family house", "Nairobi", "120.00"),
    ("Beach studio", "Accra", "60.00"),
    ("Harbour flat", "Lagos", "75.00"),
    ("Lagoon villa", "Lagos", "150.00"),
]


def _user(username: str):
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_password(SAMPLE_PASSWORD)
        user.save()
    return user


def create_sample_stays(today: date | None = None) -> dict:
    """Create the sample data around ``today`` and return the users and properties by name."""
    today = today or timezone.localdate()
    users = {name: _user(name) for name in ["amina", "kofi", "lena", "tariq"]}
    properties = {}
    for number, (title, location, price) in enumerate(PROPERTIES):
        properties[title] = Property.objects.create(
            host=users["amina"] if number < 3 else users["kofi"],
            title=title,
            description=f"{title} in {location}.",
            location=location,
            price_per_night=Decimal(price),
        )

    def stay(title, guest, start, nights, status):
        home = properties[title]
        return Booking.objects.create(
            property=home,
            guest=users[guest],
            start_date=today + timedelta(days=start),
            end_date=today + timedelta(days=start + nights),
            total_price=home.price_per_night * nights,
            status=status,
        )

    past = stay("Garden cottage", "lena", -10, 3, Booking.Status.CONFIRMED)
    upcoming = stay("Garden cottage", "tariq", 5, 3, Booking.Status.CONFIRMED)
    stay("City loft", "lena", 3, 3, Booking.Status.PENDING)
    stay("Beach studio", "tariq", 1, 3, Booking.Status.CANCELED)
    for booking in (past, upcoming):
        Payment.objects.create(
            booking=booking, amount=booking.total_price, method=Payment.Method.MOBILE_MONEY
        )
    Review.objects.create(
        property=properties["Garden cottage"], author=users["lena"], rating=5,
        comment="Quiet, green and close to town.",
    )
    for sender, recipient, body in [
        ("lena", "amina", "Hello! Is early check-in possible?"),
        ("amina", "lena", "Yes, from 11:00."),
        ("tariq", "kofi", "Is there parking at the beach studio?"),
    ]:
        Message.objects.create(sender=users[sender], recipient=users[recipient], body=body)
    return {"users": users, "properties": properties}
