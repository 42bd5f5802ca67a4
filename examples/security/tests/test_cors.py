"""django-cors-headers 4.9 and Django's CSRF check, for a frontend on another origin."""

import pytest
from django.core import checks
from django.test import Client, override_settings
from rest_framework.test import APIClient

from security.cross_origin import CROSS_ORIGIN_SESSION_SETTINGS, FRONTEND
from security.tests.conftest import PASSWORD, bearer

pytestmark = pytest.mark.django_db

BOOKS = "/api/v1/books/"
EVIL = "https://evil.example"


# --8<-- [start:allowed_origins]
def test_an_allowed_origin_may_read_the_response():
    response = Client().get(BOOKS, headers={"Origin": FRONTEND})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "origin" in response["Vary"]  # caches keep one copy per origin
    assert "Access-Control-Allow-Credentials" not in response  # no cookies by default


def test_another_origin_gets_no_cors_headers():
    response = Client().get(BOOKS, headers={"Origin": EVIL})
    assert response.status_code == 200  # the server answered; the browser hides it
    assert "Access-Control-Allow-Origin" not in response


def test_the_preflight_is_answered_with_the_allowed_methods_and_headers():
    response = Client().options(
        BOOKS,
        headers={
            "Origin": FRONTEND,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert response["Access-Control-Allow-Methods"] == "DELETE, GET, OPTIONS, PATCH, POST, PUT"
    assert response["Access-Control-Allow-Headers"] == (
        "accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with"
    )
    assert response["Access-Control-Max-Age"] == "86400"  # the browser caches it a day
# --8<-- [end:allowed_origins]


# --8<-- [start:allow_all]
@override_settings(CORS_ALLOW_ALL_ORIGINS=True)
def test_allow_all_answers_a_wildcard_that_carries_no_credentials(alice):
    response = Client().get(BOOKS, headers={"Origin": EVIL})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    # A page on any origin may read what an anonymous caller may read. A bearer token
    # is not sent unless that page's own code has the token and adds the header.
    anonymous = APIClient().get("/security/me/", headers={"Origin": EVIL})
    assert anonymous.status_code == 401
    assert bearer(alice).get("/security/me/").data == {"username": "alice"}


@override_settings(CORS_ALLOW_ALL_ORIGINS=True, CORS_ALLOW_CREDENTIALS=True)
def test_allow_all_with_credentials_echoes_any_origin():
    # The dangerous pair: not "*" (browsers would refuse it) but the caller's own origin,
    # so every website may send your users' cookies and read the answers.
    response = Client().get(BOOKS, headers={"Origin": EVIL})
    assert response["Access-Control-Allow-Origin"] == EVIL
    assert response["Access-Control-Allow-Credentials"] == "true"
# --8<-- [end:allow_all]


# --8<-- [start:session_cross_origin]
def login_from_the_frontend() -> tuple[Client, str]:
    """Log in with a session cookie and fetch a CSRF token, as the frontend's code would."""
    client = Client(enforce_csrf_checks=True)
    client.login(username="alice", password=PASSWORD)
    answer = client.get("/security/feedback/", headers={"Origin": FRONTEND})
    return client, answer.json()["csrfmiddlewaretoken"]


@override_settings(**CROSS_ORIGIN_SESSION_SETTINGS)
def test_session_login_across_origins_needs_credentials_and_trusted_origins(alice):
    client, token = login_from_the_frontend()
    response = client.post(
        "/security/session-note/",
        {},
        content_type="application/json",
        headers={"Origin": FRONTEND, "X-CSRFToken": token},
    )
    assert response.status_code == 201
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert response["Access-Control-Allow-Credentials"] == "true"


@override_settings(CORS_ALLOW_CREDENTIALS=True)
def test_without_csrf_trusted_origins_the_write_is_403(alice):
    client, token = login_from_the_frontend()
    response = client.post(
        "/security/session-note/",
        {},
        content_type="application/json",
        headers={"Origin": FRONTEND, "X-CSRFToken": token},
    )
    assert response.status_code == 403
    assert response.json() == {
        "detail": "CSRF Failed: Origin checking failed - http://localhost:5173 does not "
        "match any trusted origins."
    }


@override_settings(CSRF_TRUSTED_ORIGINS=["localhost:5173"])
def test_csrf_trusted_origins_need_a_scheme():
    [error] = checks.run_checks(tags=[checks.Tags.compatibility])
    assert error.id == "4_0.E001"
    assert error.msg.startswith(
        "As of Django 4.0, the values in the CSRF_TRUSTED_ORIGINS setting must start with "
        "a scheme (usually http:// or https://) but found localhost:5173."
    )
# --8<-- [end:session_cross_origin]
