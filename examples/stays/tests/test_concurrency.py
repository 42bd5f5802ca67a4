"""Double-booking prevention under concurrency: the property row lock and the 409."""

import json
import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

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


@pytest.mark.django_db(transaction=True)
def test_under_repeatable_read_the_lock_alone_lets_both_bookings_in(settings):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's REPEATABLE READ takes its snapshot before the lock wait")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    data = create_sample_stays()
    villa = data["properties"]["Lagoon villa"]
    lena, tariq = data["users"]["lena"], data["users"]["tariq"]
    second = {}

    def second_request_under_repeatable_read():
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:  # must be the transaction's first statement
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                second["booking"] = book(villa.pk, tariq, days(2), days(5))
        except DatesUnavailable as error:
            second["error"] = error
        finally:
            connections.close_all()

    with transaction.atomic():
        book(villa.pk, lena, days(1), days(4))
        thread = threading.Thread(target=second_request_under_repeatable_read)
        thread.start()
        thread.join(timeout=1)
        assert thread.is_alive(), "the second booking did not wait for the lock"
    thread.join(timeout=10)
    # It waited for the lock, then checked for overlaps in its old snapshot: double-booked.
    assert "booking" in second
    assert Booking.objects.filter(property=villa).count() == 2


@pytest.mark.parametrize(
    ("transaction_mode", "expected"),
    [
        # Django's default: the second booking's INSERT cannot get the write lock and fails
        # at once; the API would answer 500.
        (None, {"second": "OperationalError: database is locked", "waited": False}),
        # BEGIN IMMEDIATE takes the write lock first: the second booking waits, then sees
        # the first one and gets the 409.
        (
            "IMMEDIATE",
            {"second": f"DatesUnavailable: {DatesUnavailable.default_detail}", "waited": True},
        ),
    ],
)
def test_on_a_sqlite_file_there_is_never_a_double_booking(tmp_path, transaction_mode, expected):
    if connection.vendor != "sqlite":
        pytest.skip("runs once, in the SQLite lane")
    script = Path(__file__).with_name("sqlite_race.py")
    command = [sys.executable, str(script), str(tmp_path / "race.sqlite3")]
    examples = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(examples), str(examples.parent)])}
    run = subprocess.run(
        command + ([transaction_mode] if transaction_mode else []),
        capture_output=True, text=True, env=env, timeout=60, check=True,
    )
    assert json.loads(run.stdout.splitlines()[-1]) == {**expected, "bookings": 1}
