"""JWT with simplejwt 5.5.1: obtain, refresh, expiry, tampering, rotation, payload."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from security.tests.conftest import PASSWORD
from security.tokens import read_payload_without_key, tamper

pytestmark = pytest.mark.django_db

TOKEN = "/security/token/"
REFRESH = "/security/token/refresh/"
ROTATE = "/security/token/rotate/"
ME = "/security/me/"


def obtain(username: str) -> dict:
    response = APIClient().post(
        TOKEN, {"username": username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    return response.data


# --8<-- [start:obtain_use_refresh]
def test_obtain_use_and_refresh(alice):
    pair = obtain("alice")
    assert set(pair) == {"access", "refresh"}

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {pair['access']}")
    assert client.get(ME).data == {"username": "alice"}

    # Without rotation, a refresh returns a new access token only.
    refreshed = APIClient().post(REFRESH, {"refresh": pair["refresh"]}, format="json")
    assert refreshed.status_code == 200
    assert set(refreshed.data) == {"access"}
# --8<-- [end:obtain_use_refresh]


def test_wrong_password_is_401(alice):
    response = APIClient().post(TOKEN, {"username": "alice", "password": "nope"}, format="json")
    assert response.status_code == 401
    assert str(response.data["detail"]) == "No active account found with the given credentials"


# --8<-- [start:expired]
def test_expired_access_token_is_401(alice):
    token = AccessToken.for_user(alice)
    token.set_exp(from_time=timezone.now() - timedelta(minutes=10))  # lifetime is 5 minutes
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = client.get(ME)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json() == {
        "detail": "Given token not valid for any token type",
        "code": "token_not_valid",
        "messages": [
            {"token_class": "AccessToken", "token_type": "access", "message": "Token is expired"}
        ],
    }
# --8<-- [end:expired]


# --8<-- [start:tampered]
def test_tampered_token_is_401(alice, admin_user):
    token = str(AccessToken.for_user(alice))
    # Anyone can rewrite the payload; nobody without SECRET_KEY can re-sign it.
    forged = tamper(token, user_id=str(admin_user.pk))
    assert read_payload_without_key(forged)["user_id"] == str(admin_user.pk)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {forged}")
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Given token not valid for any token type",
        "code": "token_not_valid",
        "messages": [
            {"token_class": "AccessToken", "token_type": "access", "message": "Token is invalid"}
        ],
    }
# --8<-- [end:tampered]


# --8<-- [start:payload]
def test_payload_is_readable_without_the_secret(alice):
    token = str(AccessToken.for_user(alice))
    payload = read_payload_without_key(token)
    # Signed, not encrypted: every claim is plain JSON for whoever holds the token.
    assert payload["user_id"] == str(alice.pk)
    assert payload["token_type"] == "access"
    assert set(payload) == {"token_type", "exp", "iat", "jti", "user_id"}
    assert payload["exp"] - payload["iat"] == 5 * 60  # ACCESS_TOKEN_LIFETIME default
# --8<-- [end:payload]


# --8<-- [start:rotation]
def test_rotation_returns_a_new_refresh_token(alice):
    old = obtain("alice")["refresh"]
    response = APIClient().post(ROTATE, {"refresh": old}, format="json")
    assert response.status_code == 200
    assert set(response.data) == {"access", "refresh"}
    new = response.data["refresh"]
    assert new != old
    assert RefreshToken(new)["jti"] != RefreshToken(old)["jti"]

    # Without the token_blacklist app nothing remembers the old one: it still works.
    # Rotation limits how long a stolen token lives only once blacklisting is on.
    again = APIClient().post(ROTATE, {"refresh": old}, format="json")
    assert again.status_code == 200
# --8<-- [end:rotation]


def test_blacklist_app_is_not_installed():
    # BLACKLIST_AFTER_ROTATION needs rest_framework_simplejwt.token_blacklist in
    # INSTALLED_APPS (it has models and migrations); without it the token has no blacklist().
    from django.apps import apps

    assert not apps.is_installed("rest_framework_simplejwt.token_blacklist")
    assert not hasattr(RefreshToken, "blacklist")


# --8<-- [start:wrong_type]
def test_refresh_token_is_not_a_bearer_token(alice):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {obtain('alice')['refresh']}")
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json()["messages"] == [
        {"token_class": "AccessToken", "token_type": "access", "message": "Token has wrong type"}
    ]


def test_access_token_cannot_be_used_to_refresh(alice):
    pair = obtain("alice")
    response = APIClient().post(REFRESH, {"refresh": pair["access"]}, format="json")
    assert response.status_code == 401
    # The token views raise InvalidToken with the bare reason: no "messages" list here.
    assert response.json() == {"detail": "Token has wrong type", "code": "token_not_valid"}
# --8<-- [end:wrong_type]
