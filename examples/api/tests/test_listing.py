"""Filtering, search, ordering and both pagination styles of the list endpoints."""

import base64
import datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest
from catalog.models import Book, Review
from catalog.sample_data import create_sample_catalog
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [book["title"] for book in response.json()["results"]]


def all_titles(api_client, url: str) -> list[str]:
    """Follow the ``next`` links from ``url`` and collect every title."""
    found = []
    while url:
        body = api_client.get(url).json()
        found += [book["title"] for book in body["results"]]
        url = body["next"]
    return found


# --8<-- [start:filter_test]
def test_filters_combine_with_and(api_client, books):
    url = "/api/v1/books/?genre=python&published_after=2022-01-01&page_size=50"
    expected = Book.objects.filter(
        genres__name="Python", published__gte=datetime.date(2022, 1, 1)
    ).order_by("title")
    assert titles(api_client.get(url)) == [b.title for b in expected]
    assert 0 < len(expected) < len(books)
# --8<-- [end:filter_test]


@pytest.mark.parametrize(
    ("query", "lookup"),
    [
        ("genre=Databases", {"genres__name": "Databases"}),
        ("min_price=12&max_price=13", {"price__gte": Decimal(12), "price__lte": Decimal(13)}),
        ("published_before=2021-06-01", {"published__lte": datetime.date(2021, 6, 1)}),
    ],
)
def test_each_filter_matches_the_orm(api_client, books, query, lookup):
    found = titles(api_client.get(f"/api/v1/books/?{query}&page_size=50"))
    expected = [b.title for b in Book.objects.filter(**lookup).order_by("title")]
    assert found == expected
    assert 0 < len(found) < len(books)


def test_filter_by_author_id(api_client, books):
    author_id = books[-1].author_id
    found = titles(api_client.get(f"/api/v1/books/?author={author_id}"))
    assert found == ["Book 05-01", "Book 05-02", "Book 05-03", "Book 05-04"]


def test_an_invalid_filter_value_is_a_400(api_client, books):
    response = api_client.get("/api/v1/books/?min_price=cheap")
    assert response.status_code == 400
    assert response.json()["errors"] == {"min_price": ["Enter a number."]}


# --8<-- [start:search_test]
def test_search_terms_are_anded_across_fields(api_client, books):
    assert titles(api_client.get("/api/v1/books/?search=03-02")) == ["Book 03-02"]
    # Two terms: each must match the title OR the author's name, not necessarily the same one.
    words = titles(api_client.get("/api/v1/books/?search=author 02&page_size=50"))
    assert {"Book 02-01", "Book 01-02", "Book 05-02"} <= set(words)
    # Quotes make one phrase: only Author 02's books.
    phrase = titles(api_client.get('/api/v1/books/?search="author 02"&page_size=50'))
    assert phrase == ["Book 02-01", "Book 02-02", "Book 02-03", "Book 02-04"]
# --8<-- [end:search_test]


def test_ordering_uses_the_allow_list(api_client, books):
    by_price = api_client.get("/api/v1/books/?ordering=-price,title").json()["results"]
    prices = [Decimal(book["price"]) for book in by_price]
    assert prices == sorted(prices, reverse=True)
    assert prices[0] == max(b.price for b in books)
    # A field outside ordering_fields is ignored without an error: the default order stays.
    assert titles(api_client.get("/api/v1/books/?ordering=author__name")) == titles(
        api_client.get("/api/v1/books/")
    )


# --8<-- [start:page_number_test]
def test_page_number_pagination_links(api_client, books):
    first = api_client.get("/api/v1/books/").json()
    assert first["count"] == 20
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/books/?page=2"

    last = api_client.get(first["next"].replace("page=2", "page=4")).json()
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/books/?page=3"
# --8<-- [end:page_number_test]


def test_next_links_keep_the_filters_and_walk_every_page(api_client, books):
    body = api_client.get("/api/v1/books/?min_price=12&page_size=2").json()
    assert "min_price=12" in body["next"]
    assert "page_size=2" in body["next"]
    found = all_titles(api_client, "/api/v1/books/?min_price=12&page_size=2")
    assert found == [b.title for b in Book.objects.filter(price__gte=12).order_by("title")]


def test_page_size_is_capped_and_bad_pages_are_404(api_client, books):
    assert len(api_client.get("/api/v1/books/?page_size=500").json()["results"]) == 20
    response = api_client.get("/api/v1/books/?page=99")
    assert response.status_code == 404
    assert response.json()["message"] == "Invalid page."


# --8<-- [start:cursor_test]
def test_cursor_pagination_links(api_client, books):
    first = api_client.get("/api/v1/reviews/").json()
    assert set(first) == {"next", "previous", "results"}  # no count: no COUNT(*) query
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/reviews/?cursor=")

    second = api_client.get(first["next"]).json()
    assert second["previous"].startswith("http://testserver/api/v1/reviews/?cursor=")
    ids = [r["id"] for r in first["results"] + second["results"]]
    assert ids == sorted(Review.objects.values_list("id", flat=True), reverse=True)[:10]
# --8<-- [end:cursor_test]


def test_cursor_walks_every_review_once(api_client, books):
    url, seen = "/api/v1/reviews/?rating=5", []
    while url:
        body = api_client.get(url).json()
        seen += [r["id"] for r in body["results"]]
        url = body["next"]
    expected = list(Review.objects.filter(rating=5).order_by("-id").values_list("id", flat=True))
    assert seen == expected
    assert len(seen) > 5  # more than one page


# --8<-- [start:stability_test]
def test_an_insert_shifts_page_numbers_but_not_cursors(api_client, editor, books):
    page_1 = api_client.get("/api/v1/books/").json()
    # A new book sorts first, so every book moves one place down...
    editor.post("/api/v1/books/", {
        "title": "A new book", "author_id": books[0].author_id,
        "publisher_id": books[0].publisher_id, "published": "2024-01-01", "price": "9.99",
    }, format="json")
    page_2 = api_client.get(page_1["next"]).json()
    # ...and page 2 starts with the book page 1 ended with: the client sees it twice.
    assert page_2["results"][0]["title"] == page_1["results"][-1]["title"]

    reviews_1 = api_client.get("/api/v1/reviews/").json()
    editor.post("/api/v1/reviews/", {"book": books[0].pk, "rating": 4}, format="json")
    reviews_2 = api_client.get(reviews_1["next"]).json()
    # The cursor remembers "ids below X", so the new review does not shift anything.
    assert reviews_2["results"][0]["id"] < reviews_1["results"][-1]["id"]
    assert not {r["id"] for r in reviews_1["results"]} & {r["id"] for r in reviews_2["results"]}
# --8<-- [end:stability_test]


# --8<-- [start:num_queries_test]
@pytest.mark.parametrize("authors", [5, 20])
def test_book_list_query_count_does_not_grow(api_client, django_assert_num_queries, authors):
    create_sample_catalog(authors=authors, books_per_author=4)
    # COUNT(*) for the paginator, the page of books JOINed to author and publisher,
    # and one IN (...) query for the genres of all books on the page.
    with django_assert_num_queries(3):
        response = api_client.get("/api/v1/books/?page_size=50")
    assert len(response.json()["results"]) == min(50, authors * 4)
# --8<-- [end:num_queries_test]


def test_review_feed_is_one_query(api_client, books, django_assert_num_queries):
    with django_assert_num_queries(1):  # cursor pagination sends no COUNT(*)
        assert len(api_client.get("/api/v1/reviews/").json()["results"]) == 5


def test_ordering_on_a_column_with_ties_is_still_stable(api_client, books):
    # Many books share a price; walking the pages must still see each book exactly once.
    found = all_titles(api_client, "/api/v1/books/?ordering=price&page_size=3")
    assert sorted(found) == sorted(b.title for b in books)
    assert len(found) == len(set(found))
    expected = Book.objects.order_by("price", "id").values_list("title", flat=True)
    assert found == list(expected)


# --8<-- [start:sql_test]
def test_page_numbers_use_offset_and_cursors_do_not(api_client, books):
    with CaptureQueriesContext(connection) as pages:
        api_client.get("/api/v1/books/?page=3")
    count_sql, page_sql = (q["sql"].lower() for q in pages.captured_queries[:2])
    assert "count(" in count_sql
    assert "limit 5 offset 10" in page_sql  # reads and throws away 10 rows first

    first = api_client.get("/api/v1/reviews/").json()
    with CaptureQueriesContext(connection) as cursor:
        api_client.get(first["next"])
    (sql,) = (q["sql"].lower() for q in cursor.captured_queries)
    last_id = first["results"][-1]["id"]
    assert f"< {last_id}" in sql  # WHERE id < <last id seen>: an index range scan
    assert "offset" not in sql
    assert "limit 6" in sql  # one row more than the page, to know whether there is a next
# --8<-- [end:sql_test]


def test_a_cursor_is_the_last_position_in_base64(api_client, books):
    first = api_client.get("/api/v1/reviews/").json()
    token = parse_qs(urlparse(first["next"]).query)["cursor"][0]
    assert base64.b64decode(token).decode() == f"p={first['results'][-1]['id']}"
