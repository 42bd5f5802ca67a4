"""Session (with CSRF), opaque tokens and JWTs, chosen per view."""

import pytest
from rest_framework.test import APIClient

from api_depth.models import ApiToken
from api_depth.tests.conftest import PASSWORD, with_token

pytestmark = pytest.mark.django_db

SESSION = "/api-depth/auth/session/"


# --8<-- [start:csrf]
def test_session_authentication_enforces_csrf(alice):
    browser = APIClient(enforce_csrf_checks=True)  # behave like a real browser
    browser.login(username="alice", password=PASSWORD)

    no_cookie = browser.post(SESSION)
    assert no_cookie.status_code == 403
    assert no_cookie.json() == {"detail": "CSRF Failed: CSRF cookie not set."}

    assert browser.get(SESSION).json() == {"username": "alice", "auth": "NoneType"}
    token = browser.cookies["csrftoken"].value  # set by the GET (ensure_csrf_cookie)
    no_header = browser.post(SESSION)
    assert no_header.json() == {"detail": "CSRF Failed: CSRF token missing."}

    assert browser.post(SESSION, headers={"X-CSRFToken": token}).status_code == 201


def test_the_default_test_client_skips_csrf(alice):
    client = APIClient()  # enforce_csrf_checks=False, the default
    client.login(username="alice", password=PASSWORD)
    assert client.post(SESSION).status_code == 201  # a browser without the token gets 403
# --8<-- [end:csrf]


def test_an_anonymous_session_post_is_not_a_csrf_error(db):
    # No logged-in user: SessionAuthentication returns None before checking CSRF.
    response = APIClient(enforce_csrf_checks=True).post(SESSION)
    assert response.json() == {"detail": "Authentication credentials were not provided."}


# --8<-- [start:token_vs_jwt]
def test_token_is_a_row_that_can_be_deleted(alice, django_assert_num_queries):
    client = with_token(alice)
    with django_assert_num_queries(1):  # the token row JOINed with its user
        assert client.get("/api-depth/auth/token/").json() == {"username": "alice",
                                                              "auth": "ApiToken"}
    ApiToken.objects.filter(user=alice).delete()  # revoked at once: log out, stolen key
    revoked = client.get("/api-depth/auth/token/")
    assert revoked.status_code == 401
    assert revoked.json() == {"detail": "Invalid token."}


def test_jwt_is_checked_by_its_signature(alice, django_assert_num_queries):
    pair = APIClient().post("/api-depth/jwt/token/",
                            {"username": "alice", "password": PASSWORD}, format="json").json()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {pair['access']}")
    with django_assert_num_queries(1):  # no token table: only the user is loaded, by id
        assert client.get("/api-depth/auth/jwt/").json() == {"username": "alice",
                                                            "auth": "AccessToken"}


def test_each_view_reads_only_its_own_header(alice):
    # A JWT view does not know "Token <key>": JWTAuthentication returns None, no user.
    response = with_token(alice).get("/api-depth/auth/jwt/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication credentials were not provided."}
# --8<-- [end:token_vs_jwt]


def test_token_keys_are_40_hex_characters(alice):
    key = ApiToken.objects.create(user=alice).key
    assert len(key) == 40
    assert int(key, 16) >= 0
