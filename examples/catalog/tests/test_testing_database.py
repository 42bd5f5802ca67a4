"""The testing page's database examples: Django's TestCase next to pytest-django, and
integration tests that only a real database can answer.
"""

# The repository's ruff settings prefer pytest style (rules PT009, PT027); the TestCase
# below shows Django's unittest style on purpose.
# ruff: noqa: PT009, PT027

import pytest
from django.db import IntegrityError, transaction
from django.test import TestCase

from catalog.models import Book, Publisher, Review
from catalog.sample_data import create_sample_catalog


# --8<-- [start:django_testcase]
class FiveStarReviewsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Runs once for the class, inside a transaction rolled back after the last test.
        cls.books = create_sample_catalog(authors=2, books_per_author=2)

    def test_every_book_has_three_reviews(self):
        for book in self.books:
            self.assertEqual(book.reviews.count(), 3)

    def test_ratings_stay_between_one_and_five(self):
        ratings = set(Review.objects.values_list("rating", flat=True))
        self.assertTrue(ratings <= {1, 2, 3, 4, 5})
# --8<-- [end:django_testcase]


# --8<-- [start:pytest_django]
@pytest.fixture
def books(db):
    # `db` (from pytest-django) wraps the test in a transaction that is rolled back.
    return create_sample_catalog(authors=2, books_per_author=2)


def test_every_book_has_three_reviews(books):
    assert [book.reviews.count() for book in books] == [3, 3, 3, 3]


def test_ratings_stay_between_one_and_five(books):
    assert set(Review.objects.values_list("rating", flat=True)) <= {1, 2, 3, 4, 5}
# --8<-- [end:pytest_django]


@pytest.mark.django_db
def test_each_test_starts_from_an_empty_table():
    # Whatever the tests above created was rolled back.
    assert Book.objects.count() == 0


# --8<-- [start:integration]
@pytest.mark.django_db
def test_the_database_enforces_the_rating_check_constraint(books):
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(book=books[0], rating=6)
    assert books[0].reviews.count() == 3  # the failed insert left nothing behind


@pytest.mark.django_db
def test_the_database_enforces_unique_publisher_names():
    Publisher.objects.create(name="Nexus Press")
    with pytest.raises(IntegrityError), transaction.atomic():
        Publisher.objects.create(name="Nexus Press")
# --8<-- [end:integration]

