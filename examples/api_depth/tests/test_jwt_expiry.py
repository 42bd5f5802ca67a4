"""Challenge "Token is invalid or expired": simplejwt's 401s and the fixes, on a frozen clock."""

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from rest_framework.test import APIClient
from rest_framework.views import exception_handler
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.tokens import AccessToken

from api_depth.jwt_client import LoginRequired, get_with_refresh
from api_depth.jwt_probe import START
from api_depth.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

OUTPUTS = Path(__file__).resolve().parent.parent / "outputs"
LOGIN, REFRESH, ME = "/api-depth/jwt/token/", "/api-depth/jwt/refresh/", "/api-depth/auth/jwt/"


def login(client: APIClient) -> dict:
    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD}, format="json")
    assert response.status_code == 200
    return response.json()


# --8<-- [start:symptom_expired]
def test_an_access_token_expires_after_five_minutes(alice):
    client = APIClient()
    with time_machine.travel(START, tick=False) as clock:
        tokens = login(client)
        clock.shift(timedelta(minutes=6))  # ACCESS_TOKEN_LIFETIME is 5 minutes by default
        response = client.get(ME, headers={"Authorization": f"Bearer {tokens['access']}"})
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json() == {
        "detail": "Given token not valid for any token type",
        "code": "token_not_valid",
        "messages": [
            {"token_class": "AccessToken", "token_type": "access", "message": "Token is expired"}
        ],
    }
# --8<-- [end:symptom_expired]


# --8<-- [start:symptom_wrong_type]
def test_a_refresh_token_is_not_an_access_token(alice):
    client = APIClient()
    tokens = login(client)
    response = client.get(ME, headers={"Authorization": f"Bearer {tokens['refresh']}"})
    assert response.status_code == 401
    assert response.json()["messages"] == [
        {"token_class": "AccessToken", "token_type": "access", "message": "Token has wrong type"}
    ]


def test_invalid_or_expired_is_the_default_text_of_invalid_token():
    # simplejwt 5.5.1's own code always passes a reason; raise InvalidToken() bare and the
    # client gets the class's default detail.
    response = exception_handler(InvalidToken(), {})
    assert response.status_code == 401
    assert response.data == {"detail": "Token is invalid or expired", "code": "token_not_valid"}
# --8<-- [end:symptom_wrong_type]


# --8<-- [start:fix_before]
def test_before_a_client_that_never_refreshes_is_logged_out(alice):
    client = APIClient()
    with time_machine.travel(START, tick=False) as clock:
        tokens = login(client)
        clock.shift(timedelta(minutes=6))
        bearer = {"Authorization": f"Bearer {tokens['access']}"}
        assert client.get(ME, headers=bearer).status_code == 401
# --8<-- [end:fix_before]


# --8<-- [start:fix_after]
def test_after_the_client_refreshes_and_retries(alice):
    client = APIClient()
    with time_machine.travel(START, tick=False) as clock:
        tokens = login(client)
        first_access = tokens["access"]
        clock.shift(timedelta(minutes=6))
        response = get_with_refresh(client, ME, tokens, REFRESH)
        assert response.status_code == 200
        assert response.json()["username"] == "alice"
        assert tokens["access"] != first_access  # the new token is kept for the next calls

        clock.shift(timedelta(days=1))  # REFRESH_TOKEN_LIFETIME is 1 day by default
        with pytest.raises(LoginRequired, match="Token is expired"):
            get_with_refresh(client, ME, tokens, REFRESH)
        refused = client.post(REFRESH, {"refresh": tokens["refresh"]}, format="json")
    assert refused.status_code == 401
    assert refused.json() == {"detail": "Token is expired", "code": "token_not_valid"}
# --8<-- [end:fix_after]


def probe(**env: str) -> dict:
    """The verdicts of api_depth.jwt_probe, run in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-m", "api_depth.jwt_probe"],
        cwd=settings.BASE_DIR, capture_output=True, text=True, check=True,
        env={"PATH": "/usr/bin:/bin", **env},
    )
    return json.loads(result.stdout)


# --8<-- [start:fix_settings]
@pytest.mark.parametrize(("settings_module", "shown"), [
    ("config.settings", "jwt_clock_default.json"),  # before: simplejwt's defaults
    ("api_depth.jwt_settings", "jwt_clock_fixed.json"),  # after: 10 minutes, 30 s leeway
])
def test_lifetime_and_leeway(settings_module, shown):
    verdicts = probe(DJANGO_SETTINGS_MODULE=settings_module)
    expected = json.loads((OUTPUTS / shown).read_text())
    assert verdicts == expected, f"Refresh examples/api_depth/outputs/{shown}: {verdicts}"
# --8<-- [end:fix_settings]


# --8<-- [start:override_pitfall]
def test_override_settings_does_not_change_simplejwt():
    with override_settings(SIMPLE_JWT={"ACCESS_TOKEN_LIFETIME": timedelta(hours=1),
                                       "LEEWAY": timedelta(seconds=30)}):
        # Both were read when simplejwt was imported, from the settings of that moment.
        assert AccessToken.lifetime == timedelta(minutes=5)
        assert token_backend.leeway == 0
# --8<-- [end:override_pitfall]
