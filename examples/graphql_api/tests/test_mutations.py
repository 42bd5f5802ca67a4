"""createReview: saves valid input, returns Django's validation messages for the rest."""

from types import SimpleNamespace

import pytest
from catalog.models import Review
from catalog.sample_data import create_sample_catalog
from django.contrib.auth.models import AnonymousUser

from graphql_api.documents import load_document
from graphql_api.schema import schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def book():
    return create_sample_catalog(authors=1, books_per_author=1)[0]


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("reader", password="a-long-local-password")


@pytest.fixture
def create_review(reader):
    """Run the mutation as a logged-in user, the way the view passes the request."""

    def run(**variables):
        context = SimpleNamespace(user=reader)  # the resolver reads info.context.user
        return schema.execute(
            load_document("create_review"), variables=variables, context_value=context
        )

    return run


def test_valid_review_is_saved_and_returned(book, create_review):
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


def test_body_is_optional(book, create_review):
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
def test_rating_out_of_range_comes_back_as_a_field_error(book, create_review, rating, message):
    before = Review.objects.count()
    result = create_review(book=str(book.pk), rating=rating, body="Too keen.")
    # Not a GraphQL error: the request succeeded and the payload explains the refusal.
    assert result.errors is None
    assert result.data == {
        "createReview": {"review": None, "errors": [{"field": "rating", "messages": [message]}]}
    }
    assert Review.objects.count() == before


def test_unknown_book_comes_back_as_a_field_error(book, create_review):
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


def test_every_invalid_field_is_reported_at_once(book, create_review):
    result = create_review(book=str(book.pk + 1000), rating=9)
    fields = [error["field"] for error in result.data["createReview"]["errors"]]
    assert sorted(fields) == ["book", "rating"]


def test_a_wrongly_typed_variable_is_a_graphql_error(book, create_review):
    result = create_review(book=str(book.pk), rating="five")
    assert result.data is None
    [error] = result.errors
    assert error.message == (
        "Variable '$rating' got invalid value 'five'; "
        "Int cannot represent non-integer value: 'five'"
    )


def test_anonymous_user_gets_an_error_and_nothing_is_saved(book):
    result = schema.execute(
        load_document("create_review"),
        variables={"book": str(book.pk), "rating": 5, "body": "Anonymous praise."},
        context_value=SimpleNamespace(user=AnonymousUser()),
    )
    assert result.data == {"createReview": None}
    [error] = result.errors
    assert error.message == "You must be logged in to add a review."
    assert error.extensions == {"code": "UNAUTHENTICATED"}
    assert error.path == ["createReview"]
    assert not Review.objects.filter(body="Anonymous praise.").exists()
