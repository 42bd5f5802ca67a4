"""Extra viewset actions: their routes, and serializer and permissions chosen per action."""

from decimal import Decimal

import pytest
from catalog.models import Book
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.test import APIClient, APIRequestFactory

from api_depth.models import Shelf
from api_depth.tests.conftest import as_user

pytestmark = pytest.mark.django_db


# --8<-- [start:actions]
def test_list_action_cheapest(books):
    response = APIClient().get("/api-depth/books/cheapest/")  # detail=False: no pk in the URL
    assert response.status_code == 200
    assert [b["price"] for b in response.json()] == ["10.00", "11.00", "11.00"]


def test_detail_action_has_its_own_permission_and_serializer(books, alice, staff):
    book = books[0]
    url = f"/api-depth/books/{book.pk}/set-price/"
    assert as_user(alice).post(url, {"price": "9.99"}, format="json").status_code == 403

    admin = as_user(staff)
    invalid = admin.post(url, {"price": "0"}, format="json")  # PriceSerializer's rule
    assert invalid.status_code == 400
    assert invalid.json() == {"price": ["A price must be positive."]}

    changed = admin.post(url, {"price": "9.99", "title": "ignored"}, format="json")
    assert changed.status_code == 200
    assert changed.json()["price"] == "9.99"  # answered with the full BookSerializer
    book.refresh_from_db()
    assert (book.price, book.title) == (Decimal("9.99"), "Book 01-01")  # only the price

    # The action accepts only the methods it lists.
    assert admin.get(url).status_code == 405


def test_add_book_goes_through_get_object(books, alice, bob):
    shelf = Shelf.objects.create(owner=alice, name="To read")
    url = f"/api-depth/shelves/{shelf.pk}/add-book/"
    added = as_user(alice).post(url, {"book": books[0].pk}, format="json")
    assert added.status_code == 200
    assert added.json()["books"] == [books[0].pk]
    assert as_user(bob).post(url, {"book": books[1].pk}, format="json").status_code == 404
    unknown = as_user(alice).post(url, {"book": 0}, format="json")
    assert unknown.json() == {"book": ['Invalid pk "0" - object does not exist.']}
# --8<-- [end:actions]


def test_create_sets_the_owner_from_the_request(alice):
    response = as_user(alice).post("/api-depth/shelves/", {"name": "Later", "owner": "bob"},
                                   format="json")
    assert response.status_code == 201
    assert response.json()["owner"] == "alice"
    assert Book.objects.count() == 0


class ReportViewSet(viewsets.GenericViewSet):
    authentication_classes = []
    permission_classes = [AllowAny]
    versioning_class = None

    @action(detail=False, permission_classes=[IsAdminUser])  # for this route only
    def report(self, request):
        return Response({"report": True})

    @action(detail=False)
    def status(self, request):
        return Response({"status": "ok"})


def test_action_keyword_arguments_override_the_class_attributes():
    router = SimpleRouter()
    router.register("reports", ReportViewSet, basename="report")
    view = {p.name: p.callback for p in router.urls}
    factory = APIRequestFactory()
    assert view["report-report"](factory.get("/reports/report/")).status_code == 403
    assert view["report-status"](factory.get("/reports/status/")).status_code == 200


def test_an_action_answers_its_format_suffix_too(books, staff):
    # DefaultRouter passes ".json" as format="json": an action without format=None was a 500.
    assert APIClient().get("/api-depth/books/cheapest.json").status_code == 200
    url = f"/api-depth/books/{books[0].pk}/set-price.json"
    assert as_user(staff).post(url, {"price": "9.99"}, format="json").status_code == 200
