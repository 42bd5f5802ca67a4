"""The stays constraints and indexes, the seed and ERD commands, and the admin."""

import re
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import DataError, IntegrityError, connection, transaction
from django.utils import timezone
from rest_framework.test import APIRequestFactory, force_authenticate

from stays.models import Booking, Message, Payment, Property, Review
from stays.views import MessageViewSet

pytestmark = pytest.mark.django_db


def forbid_sequential_scans(table: str):
    if connection.vendor == "postgresql":
        # A handful of rows is cheaper to scan; forbid it to see that an index is usable.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {table}")
            cursor.execute("SET LOCAL enable_seqscan = off")


def test_overlap_check_uses_the_booking_index(homes):
    today = timezone.localdate()
    qs = Booking.objects.filter(property=homes["Garden cottage"]).overlapping(
        today, today + timedelta(days=7)
    )
    forbid_sequential_scans("stays_booking")
    plan = qs.explain()
    assert "stays_booking_prop_dates_idx" in plan, plan


def test_location_and_price_filter_uses_the_composite_index(homes):
    qs = Property.objects.filter(location="Nairobi", price_per_night__gte=50)
    forbid_sequential_scans("stays_property")
    plan = qs.explain()
    assert "stays_prop_loc_price_idx" in plan, plan


def api_queryset(viewset, user, params: dict):
    """The queryset a list request of ``user`` with ``params`` runs, filters included."""
    request = APIRequestFactory().get("/", params)
    force_authenticate(request, user=user)
    view = viewset(action_map={"get": "list"}, format_kwarg=None)
    view.request = view.initialize_request(request)
    return view.filter_queryset(view.get_queryset())


def test_conversation_filter_uses_the_conversation_index(users, django_user_model):
    lena, amina = users["lena"], users["amina"]
    # A busy host: many guests write to Amina, so "recipient = amina" is not selective.
    for number in range(20):
        guest = django_user_model.objects.create(username=f"guest{number:02d}")
        Message.objects.bulk_create(
            Message(sender=guest, recipient=amina, body=f"Question {n}") for n in range(10)
        )
    # GET /stays/api/messages/?user=<lena> sent by Amina.
    qs = api_queryset(MessageViewSet, amina, {"user": lena.pk})
    assert [m.body for m in qs] == ["Hello! Is early check-in possible?", "Yes, from 11:00."]
    forbid_sequential_scans("stays_message")
    plan = qs.explain()
    # Both columns of the index narrow the search, not the sender column alone.
    if connection.vendor == "sqlite":
        both = "USING INDEX stays_message_convo_idx (sender_id=? AND recipient_id=?)"
        assert plan.count(both) == 2, plan
    elif connection.vendor == "postgresql":
        both = r"stays_message_convo_idx.*\n\s+Index Cond: \(\(sender_id = \d+\) AND \(recipient_id"
        assert re.search(both, plan), plan
    else:
        assert "stays_message_convo_idx" in plan, plan


# --8<-- [start:constraints]
def test_the_database_enforces_the_rules(homes, users):
    cottage, lena = homes["Garden cottage"], users["lena"]
    today = timezone.localdate()
    with pytest.raises(IntegrityError), transaction.atomic():  # check-out before check-in
        Booking.objects.create(
            property=cottage, guest=lena, start_date=today, end_date=today, total_price=45
        )
    # A total beyond max_digits=10: PostgreSQL and MySQL refuse it by the column's type
    # (DataError), SQLite by the check constraint (it would store it, then fail every read).
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        Booking.objects.create(
            property=cottage, guest=lena, start_date=today, end_date=today + timedelta(1),
            total_price=Decimal("100000000.00"),
        )
    with pytest.raises(IntegrityError), transaction.atomic():  # rating outside 1..5
        Review.objects.create(property=homes["City loft"], author=lena, rating=0)
    with pytest.raises(IntegrityError), transaction.atomic():  # a second review
        Review.objects.create(property=cottage, author=lena, rating=3)
    with pytest.raises(IntegrityError), transaction.atomic():  # a second payment
        Payment.objects.create(
            booking=Booking.objects.get(guest=lena, property=cottage), amount=1, method="card"
        )
    with pytest.raises(IntegrityError), transaction.atomic():  # a payment of nothing
        Payment.objects.create(
            booking=Booking.objects.get(status=Booking.Status.PENDING), amount=0, method="card"
        )
# --8<-- [end:constraints]


def test_the_admin_refuses_the_stays_the_api_refuses(homes, users):
    today = timezone.localdate()
    too_long = Booking(
        property=homes["Garden cottage"], guest=users["lena"], start_date=today,
        end_date=today + timedelta(days=91), total_price=Decimal("4095.00"),
    )
    with pytest.raises(ValidationError) as error:
        too_long.full_clean()  # what the admin's form runs
    assert error.value.message_dict == {"end_date": ["A stay is at most 90 nights."]}
    own = Booking(
        property=homes["Garden cottage"], guest=users["amina"], start_date=today,
        end_date=today + timedelta(days=2), total_price=Decimal("90.00"),
    )
    with pytest.raises(ValidationError) as error:
        own.full_clean()
    assert error.value.message_dict == {"property": ["A host cannot book their own property."]}


def test_a_free_property_costs_nothing_is_refused(users):
    with pytest.raises(IntegrityError), transaction.atomic():
        Property.objects.create(
            host=users["amina"], title="Free", location="Accra", price_per_night=0
        )


def test_seed_stays_fills_an_empty_database_once(db):
    out = StringIO()
    call_command("seed_stays", stdout=out)
    assert out.getvalue().strip() == (
        "Created 6 properties and 4 bookings for users amina, kofi, lena, tariq "
        "(password: stays-pass-123)."
    )
    assert Payment.objects.count() == 2
    assert Message.objects.count() == 3
    with pytest.raises(CommandError, match="already has properties"):
        call_command("seed_stays")


def test_erd_command_check_passes_on_the_committed_diagram():
    out = StringIO()
    call_command("erd", "stays", "--check", stdout=out)
    assert out.getvalue().strip() == "diagrams/erd/stays.mmd is up to date."


def test_admin_lists_bookings_and_searches_properties(client, homes, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="s3cret-pass-123")
    client.force_login(admin)
    response = client.get("/admin/stays/booking/", {"status__exact": "confirmed"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 2
    response = client.get("/admin/stays/property/", {"q": "lagos"})
    assert response.context["cl"].result_count == 2
    for model in ["payment", "review", "message"]:
        assert client.get(f"/admin/stays/{model}/").status_code == 200
