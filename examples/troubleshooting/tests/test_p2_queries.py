"""Raw SQL with parameters in one query, against a query per row with pasted values."""

from decimal import Decimal

import pytest
from catalog.sample_data import create_sample_catalog
from django.db import DataError, connection, transaction

from troubleshooting import queries_raw

pytestmark = pytest.mark.django_db


@pytest.fixture
def books():
    return create_sample_catalog(authors=5, books_per_author=4)


def test_one_raw_query_replaces_one_per_author(books, django_assert_num_queries):
    threshold = sorted(b.price for b in books)[len(books) // 2]
    with django_assert_num_queries(1 + 5):  # the authors, then one COUNT per author
        expected = queries_raw.books_per_author_naive(str(threshold))
    with django_assert_num_queries(1):
        assert queries_raw.books_per_author(threshold) == expected
    with django_assert_num_queries(1):
        assert queries_raw.books_per_author_orm(threshold) == expected
    assert sum(expected.values()) == sum(1 for b in books if b.price >= threshold)


def test_the_query_count_does_not_grow_with_the_authors(django_assert_num_queries):
    create_sample_catalog(authors=20, books_per_author=2)
    with django_assert_num_queries(1):
        assert len(queries_raw.books_per_author(Decimal("0"))) == 20


def test_pasted_values_let_the_caller_rewrite_the_query(books):
    # "99999" should match no book. Pasted into the SQL, "99999 OR 1 = 1" turns the WHERE
    # into "(author_id = 1 AND price >= 99999) OR 1 = 1": every author "wrote" every book.
    assert sum(queries_raw.books_per_author_naive("99999").values()) == 0
    injected = queries_raw.books_per_author_naive("99999 OR 1 = 1")
    assert set(injected.values()) == {len(books)}
    assert sum(queries_raw.books_per_author(Decimal("99999")).values()) == 0


def test_the_same_text_as_a_parameter_is_only_a_value(books):
    attack = "99999 OR 1 = 1"  # what a caller would send instead of a price
    if connection.vendor == "postgresql":
        # PostgreSQL refuses to read the text as a number: no rows, no rewritten query.
        with pytest.raises(DataError, match="invalid input syntax"), transaction.atomic():
            queries_raw.books_per_author(attack)
        return
    # SQLite compares the price with the text; MySQL reads the text as the number 99999.
    assert sum(queries_raw.books_per_author(attack).values()) == 0
