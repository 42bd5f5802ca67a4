"""The /graphql/ endpoint over HTTP: status codes, the errors array and CSRF."""

import json

import pytest
from catalog.models import Review
from catalog.sample_data import create_sample_catalog
from django.test import Client
from rest_framework_simplejwt.tokens import AccessToken

from graphql_api.documents import load_document

pytestmark = pytest.mark.django_db

URL = "/graphql/"


@pytest.fixture
def books():
    # Small enough for the page to show the whole response.
    return create_sample_catalog(authors=2, books_per_author=2)


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("reader", password="a-long-local-password")


def post(client, name, token=None, **variables):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(
        URL,
        {"query": load_document(name), "variables": variables},
        content_type="application/json",
        headers=headers,
    )


def assert_matches_output(response, settings, output):
    """The page shows outputs/<output>.json: it must be exactly what the server sends."""
    path = settings.BASE_DIR / "graphql_api" / "outputs" / f"{output}.json"
    shown = json.dumps(response.json(), indent=2) + "\n"
    assert shown == path.read_text(encoding="utf-8"), f"{path} should read:\n{shown}"


def test_post_returns_200_with_data(client, books, settings):
    response = post(client, "books_by_genre", genre="DevOps")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert "errors" not in body
    assert [b["title"] for b in body["data"]["books"]] == [
        b.title for b in books if b.genres.filter(name="DevOps").exists()
    ]
    assert_matches_output(response, settings, "books_by_genre")


def test_graphql_body_with_variables_in_the_url(client, books):
    # What `curl -H "Content-Type: application/graphql" --data-binary @file` sends.
    response = client.post(
        URL + '?variables={"genre": "DevOps"}',
        load_document("books_by_genre"),
        content_type="application/graphql",
    )
    assert response.status_code == 200
    assert len(response.json()["data"]["books"]) == 3


def test_mutation_validation_error_is_data_with_status_200(client, books, reader, settings):
    token = AccessToken.for_user(reader)
    response = post(
        client, "create_review", token, book=str(books[0].pk), rating=6, body="Too keen."
    )
    assert response.status_code == 200
    assert response.json()["data"]["createReview"]["review"] is None
    assert not Review.objects.filter(body="Too keen.").exists()
    assert_matches_output(response, settings, "create_review_invalid")


def test_mutation_success_over_http(client, books, reader):
    token = AccessToken.for_user(reader)
    response = post(client, "create_review", token, book=str(books[0].pk), rating=4, body="Solid.")
    assert response.status_code == 200
    assert response.json()["data"]["createReview"]["errors"] == []
    assert Review.objects.filter(book=books[0], rating=4, body="Solid.").exists()


def test_invalid_query_is_refused_with_400_and_the_real_message(client, books, settings):
    response = post(client, "unknown_field")
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body
    assert [e["message"] for e in body["errors"]] == ["Cannot query field 'isbn' on type 'Book'."]
    assert_matches_output(response, settings, "unknown_field")


def test_resolver_error_is_200_with_partial_data_and_errors(client, books, settings):
    response = post(client, "book_by_id", id="abc")
    assert response.status_code == 200
    body = response.json()
    assert body["data"] == {"book": None}
    assert body["errors"][0]["message"] == "Field 'id' expected a number but got 'abc'."
    assert body["errors"][0]["path"] == ["book"]
    assert_matches_output(response, settings, "book_bad_id")


def test_too_deep_query_is_refused_before_it_runs(client, books, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = post(client, "too_deep")
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        "'TooDeep' exceeds maximum operation depth of 5."
    )


def test_wrongly_typed_variable_is_400(client, books):
    response = post(client, "create_review", book=str(books[0].pk), rating="five")
    assert response.status_code == 400
    assert "data" not in response.json()
    assert response.json()["errors"][0]["message"] == (
        "Variable '$rating' got invalid value 'five'; "
        "Int cannot represent non-integer value: 'five'"
    )


def test_syntax_error_is_400(client):
    response = client.post(URL, {"query": "{ books { title }"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "Syntax Error: Expected Name, found <EOF>."


def test_queries_work_over_get_but_mutations_do_not(client, books):
    response = client.get(URL, {"query": "{ books { title } }"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert len(response.json()["data"]["books"]) == 4

    mutation = load_document("create_review")
    response = client.get(URL, {"query": mutation}, HTTP_ACCEPT="application/json")
    assert response.status_code == 405
    assert response.json()["errors"][0]["message"] == (
        "Can only perform a mutation operation from a POST request."
    )


def test_post_needs_no_csrf_token():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, {"query": "{ authors { name } }"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {"data": {"authors": []}}
