"""JWT authentication of the shop API: obtain, use, refresh, expire."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

pytestmark = pytest.mark.django_db

TOKEN = "/shop/api/token/"
REFRESH = "/shop/api/token/refresh/"
PRODUCTS = "/shop/api/products/"


def category_payload(slug: str) -> dict:
    return {"name": slug.title(), "slug": slug, "parent": None}


# --8<-- [start:obtain_refresh]
def test_obtain_use_and_refresh_a_token(staff_user):
    client = APIClient()
    response = client.post(
        TOKEN, {"username": "shopadmin", "password": "s3cret-pass-123"}, format="json"
    )
    assert response.status_code == 200
    assert set(response.data) == {"access", "refresh"}

    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.data['access']}")
    created = client.post("/shop/api/categories/", category_payload("garden"), format="json")
    assert created.status_code == 201

    refreshed = client.post(REFRESH, {"refresh": response.data["refresh"]}, format="json")
    assert refreshed.status_code == 200
    assert set(refreshed.data) == {"access"}
    assert AccessToken(refreshed.data["access"])["user_id"] == str(staff_user.pk)
# --8<-- [end:obtain_refresh]


def test_wrong_password_is_401(staff_user):
    response = APIClient().post(
        TOKEN, {"username": "shopadmin", "password": "wrong"}, format="json"
    )
    assert response.status_code == 401
    assert str(response.data["detail"]) == (
        "No active account found with the given credentials"
    )


# --8<-- [start:expired]
def test_expired_access_token_is_401(staff_user):
    token = AccessToken.for_user(staff_user)
    # Issued two hours ago with the default five-minute lifetime: long expired.
    token.set_exp(from_time=timezone.now() - timedelta(hours=2))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = client.post("/shop/api/categories/", category_payload("pond"), format="json")
    assert response.status_code == 401
    assert response.data["code"] == "token_not_valid"
    assert str(response.data["detail"]) == "Given token not valid for any token type"
    assert str(response.data["messages"][0]["message"]) == "Token is expired"
# --8<-- [end:expired]


def test_refresh_token_is_not_an_access_token(staff_user):
    response = APIClient().post(
        TOKEN, {"username": "shopadmin", "password": "s3cret-pass-123"}, format="json"
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.data['refresh']}")
    reply = client.post("/shop/api/categories/", category_payload("attic"), format="json")
    assert reply.status_code == 401
    assert str(reply.data["messages"][0]["message"]) == "Token has wrong type"
