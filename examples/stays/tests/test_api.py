"""The stays API: 201/400/401/403/404/409, filters, ordering, pagination and query counts."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from stays.models import MAX_NIGHTS, TOTAL_PRICE_LIMIT, Booking, Message, Property, Review
from stays.views import BookingViewSet

pytestmark = pytest.mark.django_db

PROPERTIES = "/stays/api/properties/"
BOOKINGS = "/stays/api/bookings/"
REVIEWS = "/stays/api/reviews/"
MESSAGES = "/stays/api/messages/"


def day(offset: int) -> str:
    """The ISO date ``offset`` days from today."""
    return (timezone.localdate() + timedelta(days=offset)).isoformat()


def booking(home: Property, start: int, end: int) -> dict:
    return {"property": home.pk, "start_date": day(start), "end_date": day(end)}


# --- properties ----------------------------------------------------------------------------


def test_anyone_lists_properties(anonymous_client, homes):
    response = anonymous_client.get(PROPERTIES)
    assert response.status_code == 200
    assert response.data["count"] == 6
    assert set(response.data["results"][0]) == {
        "id", "host", "title", "description", "location", "price_per_night", "created",
    }


# --8<-- [start:host_permissions]
def test_only_the_host_changes_a_property(anonymous_client, client_of, homes):
    cottage = f"{PROPERTIES}{homes['Garden cottage'].pk}/"
    new = {"title": "Tree house", "location": "Kigali", "price_per_night": "55.00"}

    assert anonymous_client.post(PROPERTIES, new, format="json").status_code == 401

    response = client_of("lena").post(PROPERTIES, new, format="json")
    assert response.status_code == 201
    assert response.data["host"] == "lena"  # the host is whoever is logged in

    response = client_of("kofi").patch(cottage, {"price_per_night": "1.00"}, format="json")
    assert response.status_code == 403
    assert str(response.data["detail"]) == "You do not have permission to perform this action."

    response = client_of("amina").patch(cottage, {"price_per_night": "50.00"}, format="json")
    assert response.status_code == 200
    assert response.data["price_per_night"] == "50.00"
# --8<-- [end:host_permissions]


def test_invalid_property_is_400(client_of, homes):
    response = client_of("amina").post(
        PROPERTIES, {"title": "", "location": "Accra", "price_per_night": "0"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "title": ["This field may not be blank."],
        "price_per_night": ["Ensure this value is greater than or equal to 0.01."],
    }


def test_property_delete_is_409_while_it_has_bookings(client_of, homes):
    amina = client_of("amina")
    response = amina.delete(f"{PROPERTIES}{homes['Garden cottage'].pk}/")
    assert response.status_code == 409
    assert str(response.data["detail"]) == "This property has bookings; it cannot be deleted."
    assert amina.delete(f"{PROPERTIES}{homes['Family house'].pk}/").status_code == 204
    assert amina.get(f"{PROPERTIES}{homes['Family house'].pk}/").status_code == 404


# --- filters, ordering, pagination --------------------------------------------------------


def titles(response) -> list[str]:
    assert response.status_code == 200, response.data
    return sorted(p["title"] for p in response.data["results"])


def test_filter_by_location_and_price(anonymous_client, homes):
    response = anonymous_client.get(
        PROPERTIES, {"location": "Nairobi", "min_price": "50", "max_price": "150"}
    )
    assert titles(response) == ["City loft", "Family house"]


# --8<-- [start:availability]
def test_filter_by_free_dates(anonymous_client, homes):
    nairobi = {"location": "Nairobi"}
    # Tariq's confirmed stay at the cottage covers days 5, 6 and 7 (checks out on day 8).
    response = anonymous_client.get(
        PROPERTIES, {**nairobi, "available_from": day(6), "available_to": day(9)}
    )
    assert titles(response) == ["City loft", "Family house"]
    # Check-out day is free: a stay can start the day another one ends.
    response = anonymous_client.get(
        PROPERTIES, {**nairobi, "available_from": day(8), "available_to": day(9)}
    )
    assert titles(response) == ["City loft", "Family house", "Garden cottage"]
    # A canceled booking does not hold its dates: the beach studio is free on days 1-3.
    response = anonymous_client.get(
        PROPERTIES, {"location": "Accra", "available_from": day(1), "available_to": day(4)}
    )
    assert titles(response) == ["Beach studio"]
# --8<-- [end:availability]


def test_invalid_date_filters_are_400(anonymous_client, homes):
    response = anonymous_client.get(
        PROPERTIES, {"available_from": day(5), "available_to": day(5)}
    )
    assert response.status_code == 400
    assert response.json() == {"available_to": ["Must be after available_from."]}
    response = anonymous_client.get(PROPERTIES, {"available_from": day(5)})
    assert response.status_code == 400
    assert response.json() == {"available_to": ["Required with available_from."]}
    response = anonymous_client.get(PROPERTIES, {"min_price": "cheap"})
    assert response.json() == {"min_price": ["Enter a number."]}


def test_ordering_and_pagination(anonymous_client, homes):
    response = anonymous_client.get(PROPERTIES, {"ordering": "-price_per_night", "page_size": 4})
    prices = [Decimal(p["price_per_night"]) for p in response.data["results"]]
    assert prices == [Decimal("150.00"), Decimal("120.00"), Decimal("80.00"), Decimal("75.00")]
    assert response.data["next"] == (
        "http://testserver/stays/api/properties/?ordering=-price_per_night&page=2&page_size=4"
    )
    second = anonymous_client.get(response.data["next"])
    assert [p["price_per_night"] for p in second.data["results"]] == ["60.00", "45.00"]
    assert second.data["next"] is None


# --- bookings ---------------------------------------------------------------------------------


# --8<-- [start:booking_statuses]
def test_booking_statuses(anonymous_client, client_of, homes):
    cottage = homes["Garden cottage"]  # booked by tariq from day 5 to day 8
    lena = client_of("lena")

    assert anonymous_client.post(BOOKINGS, booking(cottage, 1, 3)).status_code == 401

    response = lena.post(BOOKINGS, booking(cottage, 1, 3), format="json")
    assert response.status_code == 201
    assert response.data["total_price"] == "90.00"  # two nights at 45.00
    assert response.data["status"] == "pending"

    response = lena.post(BOOKINGS, booking(cottage, 4, 4), format="json")
    assert response.status_code == 400
    assert response.json() == {"end_date": ["Check-out must be after check-in."]}

    response = lena.post(BOOKINGS, booking(cottage, 6, 10), format="json")
    assert response.status_code == 409
    assert response.json() == {
        "detail": "The property is already booked for some of these dates."
    }

    # Check-out day 8 is free again, so a stay from day 8 fits.
    assert lena.post(BOOKINGS, booking(cottage, 8, 9), format="json").status_code == 201
# --8<-- [end:booking_statuses]


def test_booking_in_the_past_or_of_an_unknown_property_is_400(client_of, homes):
    response = client_of("lena").post(
        BOOKINGS, {"property": 999999, "start_date": day(-1), "end_date": day(2)}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "property": ['Invalid pk "999999" - object does not exist.'],
        "start_date": ["Check-in cannot be in the past."],
    }


# --8<-- [start:booking_limits]
def test_a_stay_past_the_limit_is_400_and_saves_nothing(client_of, homes):
    cottage, lena = homes["Garden cottage"], client_of("lena")
    before = Booking.objects.count()
    # Before the limit, a 500 on every database (total_price overflowed max_digits=10);
    # SQLite saved the row anyway, and from then on lena's list answered 500 too.
    far = {"property": cottage.pk, "start_date": day(20), "end_date": "9999-12-31"}
    response = lena.post(BOOKINGS, far, format="json")
    assert response.status_code == 400
    assert response.json() == {"end_date": ["A stay is at most 90 nights."]}
    too_long = lena.post(BOOKINGS, booking(cottage, 20, 20 + MAX_NIGHTS + 1), format="json")
    assert too_long.status_code == 400
    assert Booking.objects.count() == before
    assert lena.get(BOOKINGS).status_code == 200

    response = lena.post(BOOKINGS, booking(cottage, 20, 20 + MAX_NIGHTS), format="json")
    assert response.status_code == 201
    assert response.data["total_price"] == "4050.00"  # 90 nights at 45.00


def test_a_host_cannot_book_their_own_property(client_of, homes):
    cottage = homes["Garden cottage"]  # amina's
    response = client_of("amina").post(BOOKINGS, booking(cottage, 20, 22), format="json")
    assert response.status_code == 400
    assert response.json() == {"property": ["A host cannot book their own property."]}
# --8<-- [end:booking_limits]


def test_the_longest_stay_at_the_highest_rate_fits_in_total_price(client_of, users):
    """Why 90 nights: the dearest property, booked that long, still fits ``total_price``."""
    rate = Property._meta.get_field("price_per_night")
    highest = Decimal(10 ** (rate.max_digits - rate.decimal_places)) - Decimal("0.01")
    palace = Property.objects.create(
        host=users["kofi"], title="Palace", location="Accra", price_per_night=highest
    )
    lena = client_of("lena")
    response = lena.post(BOOKINGS, booking(palace, 20, 20 + MAX_NIGHTS), format="json")
    assert response.status_code == 201
    assert Decimal(response.data["total_price"]) == highest * MAX_NIGHTS < TOTAL_PRICE_LIMIT
    total = Booking._meta.get_field("total_price")
    assert TOTAL_PRICE_LIMIT == 10 ** (total.max_digits - total.decimal_places)
    # Read back, listed, canceled: the requests a row too large for its column broke.
    detail = f"{BOOKINGS}{response.data['id']}/"
    assert lena.get(detail).status_code == 200
    assert client_of("kofi").get(BOOKINGS).status_code == 200
    assert lena.post(f"{detail}cancel/").status_code == 200


def test_canceled_booking_frees_its_dates(client_of, homes):
    studio = homes["Beach studio"]  # tariq's booking for days 1-4 is canceled
    response = client_of("lena").post(BOOKINGS, booking(studio, 2, 3), format="json")
    assert response.status_code == 201

    lena_booking = f"{BOOKINGS}{response.data['id']}/"
    assert client_of("tariq").post(BOOKINGS, booking(studio, 1, 4)).status_code == 409
    assert client_of("lena").post(f"{lena_booking}cancel/").data["status"] == "canceled"
    assert client_of("tariq").post(BOOKINGS, booking(studio, 1, 4)).status_code == 201


def test_guests_and_hosts_see_only_their_bookings(client_of, users, homes):
    lena_sees = client_of("lena").get(BOOKINGS).data["results"]
    assert {b["guest"] for b in lena_sees} == {"lena"}
    amina_sees = client_of("amina").get(BOOKINGS).data["results"]
    assert {b["property_title"] for b in amina_sees} == {"Garden cottage", "City loft"}
    assert client_of("kofi").get(BOOKINGS).data["count"] == 1  # the canceled beach studio stay

    tariqs = Booking.objects.get(guest=users["tariq"], property=homes["Garden cottage"])
    response = client_of("lena").get(f"{BOOKINGS}{tariqs.pk}/")
    assert response.status_code == 404


def test_only_the_host_confirms(client_of, users):
    pending = Booking.objects.get(status=Booking.Status.PENDING)  # lena at amina's city loft
    url = f"{BOOKINGS}{pending.pk}/confirm/"
    response = client_of("lena").post(url)
    assert response.status_code == 403
    assert str(response.data["detail"]) == "Only the host can confirm a booking."
    assert client_of("kofi").post(url).status_code == 404  # not his property: not visible
    response = client_of("amina").post(url)
    assert response.status_code == 200
    assert response.data["status"] == "confirmed"
    assert client_of("amina").post(url).status_code == 409  # already confirmed


def test_a_cancel_that_commits_first_wins_over_a_confirm(client_of, monkeypatch):
    pending = Booking.objects.get(status=Booking.Status.PENDING)  # lena at amina's city loft
    load = BookingViewSet.get_object

    def load_then_the_guest_cancels(view):
        booking = load(view)  # the host's request has read the booking: still pending
        Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.CANCELED)
        return booking

    monkeypatch.setattr(BookingViewSet, "get_object", load_then_the_guest_cancels)
    response = client_of("amina").post(f"{BOOKINGS}{pending.pk}/confirm/")
    assert response.status_code == 409
    assert response.json() == {"detail": "A canceled booking cannot be confirmed."}
    pending.refresh_from_db()
    assert pending.status == Booking.Status.CANCELED  # its nights stay free


# --- reviews ----------------------------------------------------------------------------------


# --8<-- [start:review_rules]
def test_only_guests_after_a_confirmed_stay_review(anonymous_client, client_of, homes):
    cottage = homes["Garden cottage"]
    review = {"property": cottage.pk, "rating": 4, "comment": "Lovely."}

    assert anonymous_client.post(REVIEWS, review, format="json").status_code == 401

    # Tariq's confirmed stay at the cottage has not happened yet.
    response = client_of("tariq").post(REVIEWS, review, format="json")
    assert response.status_code == 403
    assert str(response.data["detail"]) == "Only guests with a past confirmed stay can review."

    # Lena stayed there last week, and has already reviewed it once.
    response = client_of("lena").post(REVIEWS, review, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["The fields property, author must make a unique set."]
    }
# --8<-- [end:review_rules]


def test_a_past_guest_reviews_once(anonymous_client, client_of, users, homes):
    loft = homes["City loft"]
    Booking.objects.create(
        property=loft, guest=users["tariq"], start_date=timezone.localdate() - timedelta(days=4),
        end_date=timezone.localdate() - timedelta(days=1), total_price=240,
        status=Booking.Status.CONFIRMED,
    )
    tariq = client_of("tariq")
    response = tariq.post(REVIEWS, {"property": loft.pk, "rating": 6}, format="json")
    assert response.status_code == 400
    assert response.json() == {"rating": ["Ensure this value is less than or equal to 5."]}
    response = tariq.post(REVIEWS, {"property": loft.pk, "rating": 4}, format="json")
    assert response.status_code == 201
    assert response.data["author_name"] == "tariq"
    listed = anonymous_client.get(REVIEWS, {"property": loft.pk}).data["results"]
    assert [(r["author_name"], r["rating"]) for r in listed] == [("tariq", 4)]
    assert Review.objects.count() == 2


# --- messages --------------------------------------------------------------------------------


# --8<-- [start:message_privacy]
def test_messages_are_private(anonymous_client, client_of, users):
    to_amina = Message.objects.get(sender=users["lena"], recipient=users["amina"])
    url = f"{MESSAGES}{to_amina.pk}/"

    assert anonymous_client.get(url).status_code == 401
    assert client_of("kofi").get(url).status_code == 404  # not his: it does not exist for him
    assert client_of("amina").get(url).data["body"] == "Hello! Is early check-in possible?"

    response = client_of("amina").delete(url)  # the recipient reads but cannot delete
    assert response.status_code == 403
    assert str(response.data["detail"]) == "Only the sender can delete a message."
    assert client_of("lena").delete(url).status_code == 204
# --8<-- [end:message_privacy]


def test_send_list_and_filter_a_conversation(client_of, users):
    lena = client_of("lena")
    response = lena.post(MESSAGES, {"recipient": users["kofi"].pk, "body": "Hi Kofi"})
    assert response.status_code == 201
    assert response.data["sender"] == "lena"
    assert lena.get(MESSAGES).data["count"] == 3
    with_amina = lena.get(MESSAGES, {"user": users["amina"].pk}).data["results"]
    assert [m["body"] for m in with_amina] == [
        "Hello! Is early check-in possible?", "Yes, from 11:00.",
    ]
    response = lena.post(MESSAGES, {"recipient": users["lena"].pk, "body": "Note to self"})
    assert response.status_code == 400
    assert response.json() == {"recipient": ["You cannot send a message to yourself."]}


# --- query counts -----------------------------------------------------------------------------


# --8<-- [start:list_queries]
@pytest.mark.parametrize(
    ("username", "url", "queries"),
    [(None, PROPERTIES, 2), ("amina", BOOKINGS, 3), (None, REVIEWS, 2), ("lena", MESSAGES, 3)],
)
def test_list_endpoints_make_a_fixed_number_of_queries(
    anonymous_client, client_of, homes, username, url, queries, django_assert_num_queries
):
    client = client_of(username) if username else anonymous_client
    # One COUNT(*) for the paginator and one SELECT ... JOIN for the page, never one per
    # row; with a token, one more query first loads the token's user.
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    assert response.data["count"] == len(response.data["results"]) > 0
# --8<-- [end:list_queries]
