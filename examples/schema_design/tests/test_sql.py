"""The SQL-and-the-ORM page's claims, checked on SQLite, PostgreSQL and MySQL."""

import datetime
from decimal import Decimal

import pytest
from catalog.models import Author, Book
from catalog.sample_data import create_sample_catalog
from django.core.exceptions import FieldDoesNotExist
from django.db import DatabaseError, ProgrammingError, connection

from schema_design import sql

pytestmark = pytest.mark.django_db


@pytest.fixture
def books():
    books = create_sample_catalog(authors=5, books_per_author=4)
    Author.objects.create(name="Author 99")  # has not written anything yet
    return books


def test_filter_across_a_foreign_key_is_an_inner_join(books):
    qs = sql.titles_from_publisher("Nexus Press")
    assert "INNER JOIN" in str(qs.query)
    assert len(qs) == 10
    assert {book.publisher.name for book in qs} == {"Nexus Press"}


def test_authors_without_books_use_a_left_outer_join(books):
    qs = sql.authors_without_books()
    assert "LEFT OUTER JOIN" in str(qs.query)
    assert [author.name for author in qs] == ["Author 99"]


def test_orm_and_raw_sql_count_the_same_books(books):
    expected = {f"Author {i:02d}": 4 for i in range(1, 6)} | {"Author 99": 0}
    assert sql.book_counts() == expected
    assert sql.book_counts_raw() == expected


def test_aggregate_returns_one_dict_for_the_table(books):
    summary = sql.catalogue_summary()
    assert summary["books"] == 20
    prices = [book.price for book in books]
    assert round(summary["average_price"], 2) == round(sum(prices) / len(prices), 2)
    assert summary["newest"] == max(book.published for book in books)


def test_values_then_annotate_groups_by_year(books):
    assert sql.books_per_year() == {2020: 5, 2021: 5, 2022: 5, 2023: 5}


def test_filter_after_annotate_is_having(books):
    Book.objects.filter(title="Book 01-01").delete()  # Nexus Press now has one book fewer
    qs = sql.publishers_with_at_least(10)
    assert "HAVING" in str(qs.query)
    assert [(p.name, p.book_count) for p in qs] == [("Loopback Books", 10)]


def test_filter_before_annotate_counts_only_matching_rows(books):
    counts = sql.recent_book_counts(datetime.date(2022, 1, 1))
    assert "HAVING" not in str(
        sql.Publisher.objects.filter(books__published__gte=datetime.date(2022, 1, 1)).query
    )
    assert counts == {"Loopback Books": 5, "Nexus Press": 5}
    assert sum(counts.values()) == Book.objects.filter(published__year__gte=2022).count()


def test_subquery_picks_each_authors_newest_title(books):
    newest = sql.newest_title_by_author()
    assert newest["Author 01"] == "Book 01-04"
    assert newest["Author 05"] == "Book 05-04"
    assert newest["Author 99"] is None


def test_exists_finds_authors_with_a_five_star_review(books):
    qs = sql.authors_with_a_rating(5)
    assert "EXISTS" in str(qs.query)
    expected = sorted(
        {review_author for review_author in Author.objects.filter(books__reviews__rating=5)
         .values_list("name", flat=True)}
    )
    assert [a.name for a in qs] == expected
    assert expected  # the sample data has five-star reviews


# --8<-- [start:test_subquery_pitfall]
def test_unsliced_subquery_fails_on_postgresql_and_mysql(books):
    if connection.vendor == "sqlite":
        # SQLite quietly uses the first row of the subquery; here, thanks to the ordering,
        # even the right one, so the mistake goes unnoticed.
        assert sql.newest_title_by_author_unsliced() == sql.newest_title_by_author()
        return
    with pytest.raises(DatabaseError) as error:
        sql.newest_title_by_author_unsliced()
    expected = {
        "postgresql": "more than one row returned by a subquery used as an expression",
        "mysql": "Subquery returns more than 1 row",
    }
    assert expected[connection.vendor] in str(error.value)
# --8<-- [end:test_subquery_pitfall]


def test_raw_queries_take_parameters(books):
    [author] = sql.authors_named("Author 03")
    assert isinstance(author, Author)
    assert author.books.count() == 4
    count, low, high = sql.price_range_since(datetime.date(2023, 1, 1))
    recent = [book.price for book in books if book.published.year >= 2023]
    assert (count, low, high) == (len(recent), min(recent), max(recent))


def test_raw_query_without_the_primary_key_fails(books):
    with pytest.raises(FieldDoesNotExist, match="Raw query must include the primary key"):
        list(Author.objects.raw("SELECT name FROM catalog_author"))


def test_rawsql_annotation(books):
    taxed = sql.prices_with_tax(Decimal("1.16"))
    book = Book.objects.get(title="Book 01-01")
    assert taxed["Book 01-01"] == (book.price * Decimal("1.16")).quantize(Decimal("0.01"))


def test_a_quoted_placeholder_is_an_error_everywhere(books):
    expected = {
        "sqlite": "Incorrect number of bindings supplied. The current statement uses 0, "
        "and there are 1 supplied.",
        "postgresql": 'syntax error at or near "Book"',
        "mysql": "(1064, \"You have an error in your SQL syntax",
    }
    with pytest.raises(ProgrammingError) as error:
        sql.find_titles_quoted_placeholder("Book 01-01")
    assert str(error.value).startswith(expected[connection.vendor])


# --8<-- [start:test_injection]
ATTACK = "nothing' OR '1'='1"


def test_string_formatted_sql_lets_input_rewrite_the_query(books):
    # The WHERE clause became: title = 'nothing' OR '1'='1', true for every row.
    assert len(sql.find_titles_unsafe(ATTACK)) == 20
    assert len(sql.find_titles_extra_unsafe(ATTACK)) == 20


def test_parameters_keep_input_as_data(books):
    assert sql.find_titles(ATTACK) == []
    assert sql.find_titles_orm(ATTACK) == []
    assert sql.find_titles("Book 02-03") == ["Book 02-03"]
    assert sql.find_titles_orm("Book 02-03") == ["Book 02-03"]
# --8<-- [end:test_injection]


@pytest.mark.parametrize(
    ("name", "queryset"),
    [
        ("left_join", lambda: sql.authors_without_books()),
        ("having", lambda: sql.publishers_with_at_least(10)),
        ("exists", lambda: sql.authors_with_a_rating(5)),
    ],
)
def test_generated_sql_is_what_the_page_shows(settings, name, queryset):
    # The page prints SQLite's rendering; the other databases quote and group differently.
    if connection.vendor != "sqlite":
        pytest.skip("the page shows the SQL as SQLite renders it")
    path = settings.BASE_DIR / "schema_design" / "outputs" / f"sql_{name}_sqlite.txt"
    assert str(queryset().query) + "\n" == path.read_text()
