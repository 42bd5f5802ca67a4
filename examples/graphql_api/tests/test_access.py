"""Who may do what at /graphql/: bearer tokens, session cookies, GraphiQL and introspection."""

import importlib
import json
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from catalog.models import Review
from catalog.sample_data import create_sample_catalog
from django.test import Client, RequestFactory
from django.urls import resolve
from django.utils import timezone
from graphene.validation import DisableIntrospection
from graphql import parse, validate
from rest_framework_simplejwt.tokens import AccessToken

import graphql_api.urls
from graphql_api.documents import load_document
from graphql_api.schema import production_validation_rules, schema, validation_rules
from graphql_api.views import graphql_view

pytestmark = pytest.mark.django_db

URL = "/graphql/"
PASSWORD = "a-long-local-password"
INTROSPECTION = "{ __schema { queryType { name } } }"


@pytest.fixture
def book():
    return create_sample_catalog(authors=1, books_per_author=1)[0]


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("reader", password=PASSWORD)


def create_review(client, book, body, **headers):
    variables = {"book": str(book.pk), "rating": 5, "body": body}
    return client.post(
        URL,
        {"query": load_document("create_review"), "variables": variables},
        content_type="application/json",
        headers=headers,
    )


def assert_matches_output(response, settings, output):
    """The page shows outputs/<output>.json: it must be exactly what the server sends."""
    path = settings.BASE_DIR / "graphql_api" / "outputs" / f"{output}.json"
    shown = json.dumps(response.json(), indent=2) + "\n"
    assert shown == path.read_text(encoding="utf-8"), f"{path} should read:\n{shown}"


# --8<-- [start:mutation_needs_a_user]
def test_anonymous_mutation_is_refused(client, book, settings):
    response = create_review(client, book, "Anonymous praise.")
    # The query ran and the resolver refused: status 200, an error with a path, data null.
    assert response.status_code == 200
    assert response.json()["data"] == {"createReview": None}
    [error] = response.json()["errors"]
    assert error["message"] == "You must be logged in to add a review."
    assert error["extensions"] == {"code": "UNAUTHENTICATED"}
    assert not Review.objects.filter(body="Anonymous praise.").exists()
    assert_matches_output(response, settings, "create_review_anonymous")


def test_a_token_from_the_login_endpoint_authorizes_the_mutation(client, book, reader):
    login = {"username": "reader", "password": PASSWORD}
    access = client.post("/security/token/", login, content_type="application/json")
    token = access.json()["access"]
    # What the page's curl command sends: the document as the body, variables in the URL.
    variables = json.dumps({"book": str(book.pk), "rating": 5, "body": "Worth it."})
    response = client.post(
        f"{URL}?variables={variables}",
        load_document("create_review"),
        content_type="application/graphql",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
    assert response.json()["data"]["createReview"]["errors"] == []
    assert Review.objects.filter(book=book, body="Worth it.").exists()


def test_a_session_cookie_is_not_enough(client, book, reader):
    # The view is csrf_exempt, so it must not accept the cookie a browser sends by itself.
    client.force_login(reader)
    response = create_review(client, book, "Forged from another site.")
    assert response.json()["errors"][0]["message"] == "You must be logged in to add a review."
    assert not Review.objects.filter(body="Forged from another site.").exists()


def test_an_expired_token_is_401_with_simplejwts_body(client, book, reader, settings):
    token = AccessToken.for_user(reader)
    token.set_exp(from_time=timezone.now() - timedelta(minutes=10))
    response = create_review(client, book, "Too late.", Authorization=f"Bearer {token}")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert_matches_output(response, settings, "expired_token")
# --8<-- [end:mutation_needs_a_user]


# --8<-- [start:debug_off]
def test_graphiql_is_not_served_with_debug_off(client):
    # Under pytest (and by default) DEBUG is off: a browser gets JSON, not the IDE.
    assert resolve(URL).func.view_initkwargs["graphiql"] is False
    response = client.get(URL, HTTP_ACCEPT="text/html")
    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": "Must provide query string."}]}


def test_introspection_is_refused_with_debug_off(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.post(URL, {"query": INTROSPECTION}, content_type="application/json")
    assert response.status_code == 400
    assert "data" not in response.json()
    assert response.json()["errors"][0]["message"] == (
        "GraphQL introspection has been disabled, but the requested query contained the "
        "field '__schema'."
    )


def test_typename_still_works_with_debug_off(client, book):
    # Apollo Client asks for __typename in every query; refusing it would break the client.
    query = "{ books { __typename title } }"
    response = client.post(URL, {"query": query}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["data"]["books"] == [{"__typename": "Book", "title": book.title}]
# --8<-- [end:debug_off]


# --8<-- [start:debug_on]
def test_graphiql_and_introspection_with_debug_on():
    view = graphql_view(debug=True)
    page = view(RequestFactory().get(URL, HTTP_ACCEPT="text/html"))
    assert page.status_code == 200
    html = page.content.decode()
    # The IDE's scripts come from a CDN: without internet access the page stays blank.
    assert 'src="https://cdn.jsdelivr.net/npm/graphiql@2.4.7/graphiql.min.js"' in html
    assert 'src="https://cdn.jsdelivr.net/npm/react@17.0.2/umd/react.production.min.js"' in html

    request = RequestFactory().post(URL, {"query": INTROSPECTION}, content_type="application/json")
    answer = json.loads(view(request).content)
    assert answer == {"data": {"__schema": {"queryType": {"name": "Query"}}}}
# --8<-- [end:debug_on]


def test_the_urlconf_follows_settings_debug(settings):
    settings.DEBUG = True
    try:
        reloaded = importlib.reload(graphql_api.urls)
        assert reloaded.urlpatterns[0].callback.view_initkwargs["graphiql"] is True
    finally:
        settings.DEBUG = False
        importlib.reload(graphql_api.urls)
    assert graphql_api.urls.urlpatterns[0].callback.view_initkwargs["graphiql"] is False


def test_production_rules_keep_the_standard_rules_and_the_depth_limit():
    assert set(validation_rules) < set(production_validation_rules)
    too_deep = parse(load_document("too_deep"))
    messages = [
        e.message for e in validate(schema.graphql_schema, too_deep, production_validation_rules)
    ]
    assert messages == ["'TooDeep' exceeds maximum operation depth of 5."]


def test_graphenes_disable_introspection_also_refuses_typename():
    # Why the schema uses graphql-core's NoSchemaIntrospectionCustomRule instead.
    document = parse("{ books { __typename } }")
    errors = validate(schema.graphql_schema, document, [DisableIntrospection])
    assert [e.message for e in errors] == ["Cannot query '__typename': introspection is disabled."]
    assert validate(schema.graphql_schema, document, production_validation_rules) == []


def test_field_suggestions_still_name_real_fields_with_debug_off():
    # Introspection off is not access control: error messages still reveal field names.
    query = {"query": "{ books { titles } }"}
    response = Client().post(URL, query, content_type="application/json")
    assert response.json()["errors"][0]["message"] == (
        "Cannot query field 'titles' on type 'Book'. Did you mean 'title'?"
    )


def test_the_async_user_accessor_ignores_the_session_too(rf, reader):
    # AuthenticationMiddleware sets request.user and, since Django 5.0, request.auser().
    request = rf.post("/graphql/", {"query": "{ __typename }"}, content_type="application/json")
    request.user = reader

    async def session_user():
        return reader

    request.auser = session_user
    graphql_view(debug=False)(request)
    assert request.user.is_anonymous
    assert async_to_sync(request.auser)().is_anonymous
