"""The N+1 problem in resolvers, and the root-resolver fix, counted query by query."""

import pytest
from catalog.sample_data import create_sample_catalog

from graphql_api.documents import load_document
from graphql_api.schema import naive_schema, schema

pytestmark = pytest.mark.django_db


# --8<-- [start:count_queries]
def test_same_document_same_data_far_fewer_queries(django_assert_num_queries):
    books = create_sample_catalog(authors=5, books_per_author=4)
    document = load_document("books_nested")

    # Naive: 1 query for the books, then 3 per book (author, genres, reviews).
    with django_assert_num_queries(1 + 3 * len(books)):
        naive = naive_schema.execute(document)
    # Optimized root resolver: books JOIN author, then one query per prefetched relation.
    with django_assert_num_queries(3):
        optimized = schema.execute(document)

    assert naive.errors is None
    assert optimized.errors is None
    assert optimized.data == naive.data
    assert len(optimized.data["books"]) == len(books) == 20
# --8<-- [end:count_queries]


def test_optimized_count_does_not_grow_with_the_data(django_assert_num_queries):
    create_sample_catalog(authors=10, books_per_author=10)
    with django_assert_num_queries(3):
        result = schema.execute(load_document("books_nested"))
    assert len(result.data["books"]) == 100


def test_computed_field_reuses_the_prefetched_reviews(django_assert_num_queries):
    create_sample_catalog(authors=5, books_per_author=4)
    # averageRating reads book.reviews.all(): served from the prefetch, no query per book.
    with django_assert_num_queries(3):
        result = schema.execute(load_document("books_by_genre"), variables={"genre": "Python"})
    assert result.errors is None
    assert all(book["averageRating"] is not None for book in result.data["books"])


def test_authors_query_prefetches_two_levels(django_assert_num_queries):
    create_sample_catalog(authors=5, books_per_author=4)
    # Authors, then all their books, then all those books' genres.
    with django_assert_num_queries(3):
        result = schema.execute(load_document("authors_with_books"))
    assert sum(len(a["books"]) for a in result.data["authors"]) == 20
