"""The client side of simplejwt: refresh the access token when the API says it expired."""

from rest_framework.test import APIClient


class LoginRequired(Exception):
    """The refresh token was refused too: only a new login helps."""


# --8<-- [start:refresh_flow]
def get_with_refresh(client: APIClient, path: str, tokens: dict, refresh_url: str):
    """GET ``path`` with ``tokens["access"]``; on a 401 ``token_not_valid``, refresh and retry once.

    ``tokens`` holds the pair from the login (``{"access": ..., "refresh": ...}``) and is
    updated in place. A browser or mobile app does the same with its own HTTP library.
    """
    response = client.get(path, headers={"Authorization": f"Bearer {tokens['access']}"})
    if response.status_code != 401 or response.json().get("code") != "token_not_valid":
        return response
    refreshed = client.post(refresh_url, {"refresh": tokens["refresh"]}, format="json")
    if refreshed.status_code != 200:
        raise LoginRequired(refreshed.json()["detail"])  # "Token is expired": log in again
    tokens.update(refreshed.json())  # a new access token (and refresh token, with rotation)
    return client.get(path, headers={"Authorization": f"Bearer {tokens['access']}"})
# --8<-- [end:refresh_flow]
