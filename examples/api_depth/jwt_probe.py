"""A clock experiment for simplejwt: issue an access token at one time, check it at another.

Usage (from examples/): ``python -m api_depth.jwt_probe`` prints a JSON object, one verdict
per case. The challenge's tests run it under the project's settings and under
``api_depth.jwt_settings``, each in a fresh process.
"""

import json
import os
from datetime import UTC, datetime, timedelta

START = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

# --8<-- [start:cases]
# name: (when the issuing server's clock says the token was made, when the API checks it)
CASES = {
    "checked after 4 min": (START, START + timedelta(minutes=4)),
    "checked after 6 min": (START, START + timedelta(minutes=6)),
    "checked after 11 min": (START, START + timedelta(minutes=11)),
    "issuer clock 20 s ahead": (START + timedelta(seconds=20), START),
    "issuer clock 40 s ahead": (START + timedelta(seconds=40), START),
}
# --8<-- [end:cases]


def verdict(issued: datetime, checked: datetime) -> str:
    """``"valid"``, or the reason simplejwt gives for refusing the token."""
    import time_machine
    from django.contrib.auth import get_user_model
    from rest_framework_simplejwt.exceptions import TokenError
    from rest_framework_simplejwt.tokens import AccessToken

    user = get_user_model()(pk=1, username="probe")  # not saved: no database needed
    with time_machine.travel(issued, tick=False):
        raw = str(AccessToken.for_user(user))
    with time_machine.travel(checked, tick=False):
        try:
            AccessToken(raw)  # what JWTAuthentication does with the Bearer header
        except TokenError as exc:
            return str(exc.args[0])
    return "valid"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    print(json.dumps({name: verdict(*times) for name, times in CASES.items()}, indent=2))


if __name__ == "__main__":
    main()
