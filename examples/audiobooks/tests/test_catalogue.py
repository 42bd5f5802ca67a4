"""The public catalogue: content, filters, ordering, pagination, and its cache."""

from decimal import Decimal

import pytest

from audiobooks.models import Audiobook, Author, Chapter

pytestmark = pytest.mark.django_db

BOOKS = "/audiobooks/api/books/"


def test_list_shows_books_with_authors_and_narrator(anonymous_client, books):
    response = anonymous_client.get(BOOKS)
    assert response.status_code == 200
    assert response.data["count"] == 6
    newest = response.data["results"][0]  # default order: newest publication first
    assert newest == {
        "title": "Sample audiobook 06",
        "slug": "sample-audiobook-06",
        "authors": [
            {"name": "Ada Quill", "slug": "ada-quill"},
            {"name": "Bram Okafor", "slug": "bram-okafor"},
        ],
        "narrator": {"name": "Dana Voss", "slug": "dana-voss"},
        "duration_seconds": 3600,
        "published": "2026-01-01",
        "price": "18.99",
    }


def test_detail_has_chapters_and_rating(anonymous_client, books, listener):
    books[0].reviews.create(user=listener, rating=4)
    response = anonymous_client.get(f"{BOOKS}sample-audiobook-01/")
    assert response.status_code == 200
    assert [c["number"] for c in response.data["chapters"]] == [1, 2, 3]
    assert [c["duration_seconds"] for c in response.data["chapters"]] == [1800, 600, 1200]
    assert response.data["average_rating"] == 4.0
    assert response.data["review_count"] == 1


def test_unknown_book_is_404(anonymous_client, books):
    assert anonymous_client.get(f"{BOOKS}no-such-book/").status_code == 404


def test_filters_by_author_narrator_and_price(anonymous_client, books):
    response = anonymous_client.get(BOOKS, {"author": "chen-liu", "ordering": "price"})
    assert [b["slug"] for b in response.data["results"]] == [
        "sample-audiobook-02", "sample-audiobook-05",
    ]
    response = anonymous_client.get(
        BOOKS, {"narrator": "eli-marsh", "max_price": "10", "ordering": "price"}
    )
    assert [b["slug"] for b in response.data["results"]] == [
        "sample-audiobook-01", "sample-audiobook-03",
    ]
    response = anonymous_client.get(BOOKS, {"min_price": "cheap"})
    assert response.status_code == 400
    assert str(response.data["min_price"][0]) == "Enter a number."


def test_ordering_and_pagination(anonymous_client, books):
    first = anonymous_client.get(BOOKS, {"ordering": "-price", "page_size": 4})
    assert first.data["count"] == 6
    assert [b["price"] for b in first.data["results"]] == ["18.99", "15.99", "12.99", "9.99"]
    second = anonymous_client.get(first.data["next"])
    assert [b["price"] for b in second.data["results"]] == ["6.99", "3.99"]
    assert second.data["next"] is None


# --8<-- [start:cache_hit]
def test_second_request_is_served_from_the_cache(
    anonymous_client, books, django_assert_num_queries
):
    # Miss: COUNT(*), the page of books joined to their narrator, and their authors.
    with django_assert_num_queries(3):
        first = anonymous_client.get(BOOKS)
    # Hit: the same URL costs no query at all.
    with django_assert_num_queries(0):
        second = anonymous_client.get(BOOKS)
    assert second.status_code == 200
    assert second.data == first.data
    # Another query string is another entry: a miss again.
    with django_assert_num_queries(3):
        anonymous_client.get(BOOKS, {"ordering": "price"})
# --8<-- [end:cache_hit]


def test_a_cached_response_still_authenticates_a_token(
    listener_client, books, django_assert_num_queries
):
    listener_client.get(BOOKS)
    # JWT authentication runs before the view, and loads the token's user: one query.
    with django_assert_num_queries(1):
        assert listener_client.get(BOOKS).status_code == 200


# --8<-- [start:cache_invalidation]
def test_a_write_invalidates_the_cache(
    anonymous_client, books, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url = f"{BOOKS}sample-audiobook-01/"
    assert anonymous_client.get(url).data["price"] == "3.99"
    with django_assert_num_queries(0):
        anonymous_client.get(url)

    book = Audiobook.objects.get(slug="sample-audiobook-01")
    book.price = Decimal("2.49")
    # The signal handler invalidates on commit; the test's transaction never commits,
    # so run the on_commit callbacks explicitly.
    with django_capture_on_commit_callbacks(execute=True):
        book.save()

    # Miss: the book with narrator and rating annotations, its authors, its chapters.
    with django_assert_num_queries(3):
        response = anonymous_client.get(url)
    assert response.data["price"] == "2.49"
    # And the list, cached before or not, shows the new price too.
    assert "2.49" in [b["price"] for b in anonymous_client.get(BOOKS).data["results"]]
# --8<-- [end:cache_invalidation]


@pytest.mark.parametrize("change", ["author_added", "chapter_added", "author_renamed"])
def test_related_writes_invalidate_the_cache(
    anonymous_client, books, django_assert_num_queries, django_capture_on_commit_callbacks, change
):
    url = f"{BOOKS}sample-audiobook-01/"
    before = anonymous_client.get(url).data
    book = Audiobook.objects.get(slug="sample-audiobook-01")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        if change == "author_added":
            book.authors.add(Author.objects.create(name="Zoe Ng", slug="zoe-ng"))
        elif change == "chapter_added":
            Chapter.objects.create(audiobook=book, number=4, title="Epilogue", duration_seconds=60)
        else:
            Author.objects.filter(slug="bram-okafor").update(name="B. Okafor")  # no signal!
    after = anonymous_client.get(url).data
    if change == "author_renamed":
        # QuerySet.update() sends no post_save: the cache still has the old name.
        assert callbacks == []
        assert after == before
    else:
        assert after != before
