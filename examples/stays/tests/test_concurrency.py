"""Double-booking prevention under concurrency: the property row lock and the 409."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stays.models import Booking
from stays.sample_data import create_sample_stays
from stays.services import DatesUnavailable, book


def days(offset: int):
    return timezone.localdate() + timedelta(days=offset)


# --8<-- [start:for_update]
@pytest.mark.django_db
def test_booking_locks_the_property_row(client_of, homes, users):
    with CaptureQueriesContext(connection) as queries:
        response = client_of("lena").post(
            "/stays/api/bookings/",
            {"property": homes["Lagoon villa"].pk, "start_date": days(1), "end_date": days(3)},
        )
    assert response.status_code == 201
    locking = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
    if connection.features.has_select_for_update:  # PostgreSQL, MySQL, MariaDB, Oracle
        assert len(locking) == 1
        assert locking[0].startswith('SELECT "stays_property"') or "`stays_property`" in locking[0]
    else:  # SQLite has no row locks: a write locks the whole database file instead
        assert locking == []
# --8<-- [end:for_update]


# --8<-- [start:race]
@pytest.mark.django_db(transaction=True)
def test_a_concurrent_booking_waits_for_the_lock_then_gets_409(settings):
    if not connection.features.has_select_for_update:
        pytest.skip("SQLite serializes writes; there is no row lock to wait for")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    data = create_sample_stays()
    villa = data["properties"]["Lagoon villa"]
    lena, tariq = data["users"]["lena"], data["users"]["tariq"]
    second = {}

    def second_request():
        try:
            second["booking"] = book(villa.pk, tariq, days(2), days(5))
        except DatesUnavailable as error:
            second["error"] = error
        finally:
            connections.close_all()  # this thread's own connection

    with transaction.atomic():  # the first request, still in its transaction
        first = book(villa.pk, lena, days(1), days(4))
        thread = threading.Thread(target=second_request)
        thread.start()
        thread.join(timeout=1)
        assert thread.is_alive(), "the second booking did not wait for the lock"
        assert second == {}
    # The first transaction committed and released the lock: the second one now sees it.
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert isinstance(second["error"], DatesUnavailable)
    assert list(Booking.objects.filter(property=villa)) == [first]
# --8<-- [end:race]
