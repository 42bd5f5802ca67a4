"""The DataLoader really batches: one query for all the reviews, whatever the book count."""

import pytest
from asgiref.sync import async_to_sync
from catalog.sample_data import create_sample_catalog

from graphql_api.dataloaders import ReviewsByBookLoader, execute_with_loaders
from graphql_api.documents import load_document
from graphql_api.schema import naive_schema, schema

pytestmark = pytest.mark.django_db


# --8<-- [start:count_loader]
def test_three_strategies_same_data(django_assert_num_queries):
    books = create_sample_catalog(authors=5, books_per_author=4)
    document = load_document("books_reviews")

    with django_assert_num_queries(1 + len(books)):  # books, then reviews per book
        naive = naive_schema.execute(document)
    with django_assert_num_queries(2):  # books, then every review in one batch
        loaded = async_to_sync(execute_with_loaders)(document)
    # The root resolver also prefetches genres this document never asks for.
    with django_assert_num_queries(3):
        prefetched = schema.execute(document)

    assert naive.errors is None
    assert loaded.errors is None
    assert loaded.data == naive.data == prefetched.data
    assert sum(len(b["reviews"]) for b in loaded.data["books"]) == 3 * len(books)
# --8<-- [end:count_loader]


def test_loader_count_does_not_grow_with_the_data(django_assert_num_queries):
    create_sample_catalog(authors=10, books_per_author=10)
    with django_assert_num_queries(2):
        result = async_to_sync(execute_with_loaders)(load_document("books_reviews"))
    assert len(result.data["books"]) == 100


async def _load_in_one_batch(keys):
    loader = ReviewsByBookLoader()
    return loader, await loader.load_many(keys)


def test_loader_keeps_key_order_and_answers_unknown_keys(django_assert_num_queries):
    first, second = create_sample_catalog(authors=1, books_per_author=2)
    unknown = second.pk + 1000
    with django_assert_num_queries(1):
        _, results = async_to_sync(_load_in_one_batch)([second.pk, unknown, first.pk])
    assert [[r.body for r in reviews] for reviews in results] == [
        [r.body for r in second.reviews.all()],
        [],
        [r.body for r in first.reviews.all()],
    ]


def test_loader_caches_within_one_request(django_assert_num_queries):
    [book] = create_sample_catalog(authors=1, books_per_author=1)

    async def load_twice():
        loader = ReviewsByBookLoader()
        first = await loader.load(book.pk)
        second = await loader.load(book.pk)
        return first, second

    with django_assert_num_queries(1):
        first, second = async_to_sync(load_twice)()
    assert first is second
    assert len(first) == 3
