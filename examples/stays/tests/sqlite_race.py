"""Two concurrent bookings of the same nights on a SQLite file, run by test_concurrency.py.

The test database of the SQLite lane lives in memory, where connections share one cache and
lock tables differently from a real file, so this script runs in a process of its own, on a
fresh database file: ``python sqlite_race.py DB_FILE [TRANSACTION_MODE]``. It prints one JSON
line: what the second booking got, whether it had to wait, and how many bookings exist.
"""

import json
import os
import sys
import threading
from datetime import timedelta

os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402
from django.conf import settings  # noqa: E402

django.setup()
if len(sys.argv) > 2:  # before the first connection is opened
    settings.DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = sys.argv[2]
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

from django.core.management import call_command  # noqa: E402
from django.db import connections, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from stays.models import Booking  # noqa: E402
from stays.sample_data import create_sample_stays  # noqa: E402
from stays.services import book  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    data = create_sample_stays()
    villa = data["properties"]["Lagoon villa"]
    lena, tariq = data["users"]["lena"], data["users"]["tariq"]
    today = timezone.localdate()
    second = {}

    def second_request():
        try:
            book(villa.pk, tariq, today + timedelta(days=2), today + timedelta(days=5))
            second["result"] = "booked"
        except Exception as error:  # report whatever the second request would have raised
            second["result"] = f"{type(error).__name__}: {error}"
        finally:
            connections.close_all()

    with transaction.atomic():  # the first request, still in its transaction
        book(villa.pk, lena, today + timedelta(days=1), today + timedelta(days=4))
        thread = threading.Thread(target=second_request)
        thread.start()
        thread.join(timeout=1)
        waited = thread.is_alive()
    thread.join(timeout=10)
    count = Booking.objects.filter(property=villa).count()
    print(json.dumps({"second": second.get("result"), "waited": waited, "bookings": count}))


if __name__ == "__main__":
    main()
