"""createReview: saves valid input, returns Django's validation messages for the rest."""

import pytest
from catalog.models import Review
from catalog.sample_data import create_sample_catalog

from graphql_api.documents import load_document
from graphql_api.schema import schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def book():
    return create_sample_catalog(authors=1, books_per_author=1)[0]


def create_review(**variables):
    return schema.execute(load_document("create_review"), variables=variables)


def test_valid_review_is_saved_and_returned(book):
    result = create_review(book=str(book.pk), rating=5, body="Clear and practical.")
    assert result.errors is None
    assert result.data == {
        "createReview": {
            "review": {"rating": 5, "body": "Clear and practical.", "book": {"title": book.title}},
            "errors": [],
        }
    }
    saved = Review.objects.get(book=book, body="Clear and practical.")
    assert saved.rating == 5


def test_body_is_optional(book):
    result = create_review(book=str(book.pk), rating=3)
    assert result.data["createReview"]["review"]["body"] == ""
    assert book.reviews.filter(rating=3, body="").exists()


@pytest.mark.parametrize(
    ("rating", "message"),
    [
        (6, "Ensure this value is less than or equal to 5."),
        (0, "Ensure this value is greater than or equal to 1."),
    ],
)
def test_rating_out_of_range_comes_back_as_a_field_error(book, rating, message):
    before = Review.objects.count()
    result = create_review(book=str(book.pk), rating=rating, body="Too keen.")
    # Not a GraphQL error: the request succeeded and the payload explains the refusal.
    assert result.errors is None
    assert result.data == {
        "createReview": {"review": None, "errors": [{"field": "rating", "messages": [message]}]}
    }
    assert Review.objects.count() == before


def test_unknown_book_comes_back_as_a_field_error(book):
    result = create_review(book=str(book.pk + 1000), rating=4)
    assert result.data["createReview"] == {
        "review": None,
        "errors": [
            {
                "field": "book",
                "messages": [
                    "Select a valid choice. That choice is not one of the available choices."
                ],
            }
        ],
    }


def test_every_invalid_field_is_reported_at_once(book):
    result = create_review(book=str(book.pk + 1000), rating=9)
    fields = [error["field"] for error in result.data["createReview"]["errors"]]
    assert sorted(fields) == ["book", "rating"]


def test_a_wrongly_typed_variable_is_a_graphql_error(book):
    result = create_review(book=str(book.pk), rating="five")
    assert result.data is None
    [error] = result.errors
    assert error.message == (
        "Variable '$rating' got invalid value 'five'; "
        "Int cannot represent non-integer value: 'five'"
    )
