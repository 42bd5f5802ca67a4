"""The query-optimization page's claims, checked on every database the suite runs against."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from catalog import queries
from catalog.models import Author, Book
from catalog.sample_data import create_sample_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def books():
    return create_sample_catalog(authors=5, books_per_author=4)


# --8<-- [start:assert_num_queries]
@pytest.mark.parametrize(
    ("slow", "fast", "slow_queries", "fast_queries"),
    [
        # n is the number of books: the slow versions grow with it, the fixes do not.
        (queries.titles_with_authors_naive, queries.titles_with_authors, lambda n: 1 + n, 1),
        (queries.genres_by_title_naive, queries.genres_by_title, lambda n: 1 + n, 2),
        (queries.five_star_counts_pitfall, queries.five_star_counts, lambda n: 2 + n, 2),
        (queries.review_counts_naive, queries.review_counts, lambda n: 1 + n, 1),
    ],
)
def test_fix_returns_the_same_data_in_fewer_queries(
    books, django_assert_num_queries, slow, fast, slow_queries, fast_queries
):
    with django_assert_num_queries(slow_queries(len(books))):
        expected = slow()
    with django_assert_num_queries(fast_queries):
        assert fast() == expected
# --8<-- [end:assert_num_queries]


def test_fixed_versions_do_not_grow_with_the_data(django_assert_num_queries):
    create_sample_catalog(authors=10, books_per_author=10)
    with django_assert_num_queries(1):
        assert len(queries.titles_with_authors()) == 100
    with django_assert_num_queries(2):
        assert len(queries.genres_by_title()) == 100


def test_five_star_counts_match_the_data(books):
    counts = queries.five_star_counts()
    assert sum(counts.values()) == sum(
        book.reviews.filter(rating=5).count() for book in books
    )
    assert sum(counts.values()) > 0


def test_recent_books_by_author_filters_and_orders(books):
    author = Author.objects.get(name="Author 01")
    found = list(queries.recent_books_by_author(author.pk, datetime.date(2021, 1, 1)))
    assert [b.published.year for b in found] == [2023, 2022, 2021]
    assert {b.author_id for b in found} == {author.pk}


def test_composite_index_serves_the_author_query(books):
    author = Author.objects.get(name="Author 01")
    qs = queries.recent_books_by_author(author.pk, datetime.date(2021, 1, 1))
    if connection.vendor == "postgresql":
        # With 20 rows a sequential scan is cheaper; forbid it to see that the index is usable.
        # Forbid an explicit sort too: on so few rows the planner may otherwise pick the
        # author_id index and sort the dates itself, depending on the table's statistics.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
    plan = qs.explain()
    assert "book_author_published_idx" in plan, plan


def test_query_report_prints_what_the_page_shows(settings):
    out = StringIO()
    call_command("query_report", stdout=out)
    expected = (settings.BASE_DIR / "catalog" / "outputs" / "query_report.txt").read_text()
    assert out.getvalue() == expected, (
        "The page shows examples/catalog/outputs/query_report.txt; refresh it with: "
        "python examples/manage.py query_report > examples/catalog/outputs/query_report.txt"
    )


def test_prefetched_rows_serve_all_slices_and_count(books, django_assert_num_queries):
    with django_assert_num_queries(2):  # the books, then every review of every book
        prefetched = list(Book.objects.prefetch_related("reviews"))
        for book in prefetched:
            assert len(book.reviews.all()[:2]) == 2  # sliced from the prefetched rows
            assert book.reviews.count() == len(book.reviews.all()) == 3
    with django_assert_num_queries(len(prefetched)):  # a new query per book
        for book in prefetched:
            list(book.reviews.order_by("rating"))


def test_year_lookup_is_a_range_on_the_column(books):
    sql = str(Book.objects.filter(published__year=2024).query)
    assert "BETWEEN 2024-01-01 AND 2024-12-31" in sql
    assert "EXTRACT" not in sql.upper()  # no EXTRACT(), no django_date_extract()
