"""CRUD over /api/v1/books/ with DRF's APIClient: status codes, bodies and permissions."""

import datetime
import json

import pytest
from catalog.models import Author, Book, Genre, Publisher
from django.conf import settings
from django.db.models.signals import pre_delete
from django.utils import timezone

pytestmark = pytest.mark.django_db


def new_book_payload(**overrides) -> dict:
    payload = {
        "title": "Designing Web APIs",
        "author_id": Author.objects.get(name="Author 01").pk,
        "publisher_id": Publisher.objects.get(name="Nexus Press").pk,
        "genre_ids": [g.pk for g in Genre.objects.filter(name__in=["Backend", "Python"])],
        "published": "2024-03-01",
        "price": "29.90",
    }
    payload.update(overrides)
    return payload


def test_list_returns_a_page_of_nested_books(api_client, books):
    response = api_client.get("/api/v1/books/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 20
    assert len(body["results"]) == 5
    first = body["results"][0]
    assert first["title"] == "Book 01-01"
    assert first["author"] == {"id": books[0].author_id, "name": "Author 01"}
    assert {g["name"] for g in first["genres"]} == {"Backend", "Databases"}
    assert "author_id" not in first  # write-only fields are never rendered


# --8<-- [start:crud_test]
def test_create_retrieve_update_delete(editor, books):
    created = editor.post("/api/v1/books/", new_book_payload(), format="json")
    assert created.status_code == 201
    url = f"/api/v1/books/{created.json()['id']}/"
    assert created.json()["author"]["name"] == "Author 01"  # written as a PK, read nested

    assert editor.get(url).json()["title"] == "Designing Web APIs"

    updated = editor.patch(url, {"price": "24.50"}, format="json")
    assert updated.status_code == 200
    assert updated.json()["price"] == "24.50"

    deleted = editor.delete(url)
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert editor.get(url).status_code == 404
# --8<-- [end:crud_test]


def test_create_saves_the_many_to_many_genres(editor, books):
    response = editor.post("/api/v1/books/", new_book_payload(), format="json")
    book = Book.objects.get(pk=response.json()["id"])
    assert sorted(book.genres.values_list("name", flat=True)) == ["Backend", "Python"]
    assert response.json()["published"] == "2024-03-01"


def test_put_replaces_the_whole_book(editor, books):
    url = f"/api/v1/books/{books[0].pk}/"
    response = editor.put(url, new_book_payload(title="Renamed", genre_ids=[]), format="json")
    assert response.status_code == 200
    books[0].refresh_from_db()
    assert books[0].title == "Renamed"
    assert books[0].genres.count() == 0


def test_anonymous_clients_can_read_but_not_write(api_client, books):
    assert api_client.get(f"/api/v1/books/{books[0].pk}/").status_code == 200
    response = api_client.post("/api/v1/books/", new_book_payload(), format="json")
    # SessionAuthentication comes first in the settings and sends no WWW-Authenticate
    # challenge, so DRF answers 403 rather than 401.
    assert response.status_code == 403
    assert response.json()["code"] == "not_authenticated"
    assert Book.objects.count() == 20


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"price": "-1.00"}, "price", "The price must be greater than zero."),
        ({"price": "abc"}, "price", "A valid number is required."),
        ({"title": ""}, "title", "This field may not be blank."),
        ({"author_id": 999999}, "author_id", 'Invalid pk "999999" - object does not exist.'),
        ({"published": "2999-01-01"}, "published", "A book cannot be published in the future."),
        ({"published": "01/03/2024"}, "published",
         "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."),
    ],
)
def test_invalid_payloads_get_400_with_field_errors(editor, books, overrides, field, message):
    response = editor.post("/api/v1/books/", new_book_payload(**overrides), format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {field: [message]}
    assert Book.objects.count() == 20


def test_missing_required_fields_are_all_reported_at_once(editor, books):
    response = editor.post("/api/v1/books/", {}, format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {
        "title", "author_id", "publisher_id", "published", "price",
    }


def test_object_level_validation_rejects_a_duplicate_title(editor, books):
    payload = new_book_payload(title="book 01-01")  # Author 01 already has "Book 01-01"
    response = editor.post("/api/v1/books/", payload, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "non_field_errors": ["This author already has a book with this title."]
    }


def test_partial_update_keeps_the_duplicate_check_working(editor, books):
    url = f"/api/v1/books/{books[1].pk}/"  # "Book 01-02" by Author 01
    assert editor.patch(url, {"title": "Book 01-01"}, format="json").status_code == 400
    assert editor.patch(url, {"price": "11.00"}, format="json").status_code == 200


def test_unknown_ids_get_404(editor, books):
    missing = Book.objects.order_by("-pk").first().pk + 1000
    for method in (editor.get, editor.put, editor.patch, editor.delete):
        assert method(f"/api/v1/books/{missing}/", {}, format="json").status_code == 404


def test_reviews_validate_the_rating(editor, books):
    url = "/api/v1/reviews/"
    bad = editor.post(url, {"book": books[0].pk, "rating": 6}, format="json")
    assert bad.status_code == 400
    assert bad.json()["errors"] == {"rating": ["A rating is from 1 to 5 stars."]}
    good = editor.post(url, {"book": books[0].pk, "rating": 5, "body": "Clear."}, format="json")
    assert good.status_code == 201
    assert good.json()["book"] == books[0].pk


def test_deleting_an_author_with_books_is_a_409_conflict(editor, books):
    author = Author.objects.get(name="Author 01")
    response = editor.delete(f"/api/v1/authors/{author.pk}/")
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert Author.objects.filter(pk=author.pk).exists()
    lonely = Author.objects.create(name="No books yet")
    assert editor.delete(f"/api/v1/authors/{lonely.pk}/").status_code == 204


def test_published_dates_are_iso_8601(api_client, books):
    body = api_client.get(f"/api/v1/books/{books[0].pk}/").json()
    assert datetime.date.fromisoformat(body["published"]) == books[0].published


def without_ids(data):
    """Drop every "id": a fresh database starts at 1, a reused test database does not."""
    if isinstance(data, dict):
        return {k: without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [without_ids(v) for v in data]
    return data


def test_book_detail_matches_the_page(api_client, books):
    """The page shows examples/api/outputs/book_v1.json, taken from a freshly seeded database."""
    shown = json.loads((settings.BASE_DIR / "api" / "outputs" / "book_v1.json").read_text())
    response = api_client.get(f"/api/v1/books/{books[0].pk}/")
    assert without_ids(response.json()) == without_ids(shown)
    assert response.json()["author"]["id"] == books[0].author_id


@pytest.mark.django_db(transaction=True)
def test_a_book_added_during_the_delete_is_a_409_not_a_500(editor, books):
    # Another request adds a book after Django's PROTECT check (a SELECT) and before the
    # DELETE; pre_delete runs exactly in that gap. Only the database's foreign key sees it.
    author = Author.objects.create(name="No books yet")

    def concurrent_insert(sender, instance, **kwargs):
        Book.objects.create(
            title="Late arrival", author=instance, publisher=books[0].publisher,
            published=datetime.date(2024, 1, 1), price="9.99",
        )

    pre_delete.connect(concurrent_insert, sender=Author)
    try:
        response = editor.delete(f"/api/v1/authors/{author.pk}/")
    finally:
        pre_delete.disconnect(concurrent_insert, sender=Author)
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert Author.objects.filter(pk=author.pk).exists()  # the whole delete was rolled back


def test_the_future_is_judged_by_today_in_the_current_time_zone(editor, books, monkeypatch):
    # 23:00 UTC on 1 March is already 2 March in Kiribati (UTC+14).
    instant = datetime.datetime(2024, 3, 1, 23, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    with timezone.override("Pacific/Kiritimati"):
        today = editor.post(
            "/api/v1/books/", new_book_payload(published="2024-03-02"), format="json"
        )
        tomorrow = editor.post(
            "/api/v1/books/", new_book_payload(title="Later", published="2024-03-03"),
            format="json",
        )
    assert today.status_code == 201
    assert tomorrow.status_code == 400
    assert tomorrow.json()["errors"] == {"published": ["A book cannot be published in the future."]}
