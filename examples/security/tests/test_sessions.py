"""Django 5.2's defaults for stored passwords and the session cookie, and what production adds."""

import pytest
from django.test import Client, override_settings

from security.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


# --8<-- [start:password_hash]
def test_passwords_are_stored_as_slow_salted_hashes(alice, bob):
    algorithm, iterations, salt, digest = alice.password.split("$")
    assert algorithm == "pbkdf2_sha256"  # the first entry of PASSWORD_HASHERS
    assert iterations == "1000000"  # Django 5.2's PBKDF2PasswordHasher.iterations
    assert PASSWORD not in alice.password
    assert alice.check_password(PASSWORD)
    # Same password, different random salt: equal passwords do not give equal hashes.
    assert bob.password != alice.password
# --8<-- [end:password_hash]


# --8<-- [start:session_cookie]
def log_in(admin_user):
    response = Client().post("/admin/login/", {"username": "boss", "password": PASSWORD})
    assert response.status_code == 302  # logged in, redirected to the admin index
    return response.cookies["sessionid"]


def test_session_cookie_defaults(admin_user):
    cookie = log_in(admin_user)
    assert cookie["httponly"] is True  # SESSION_COOKIE_HTTPONLY: no document.cookie
    assert cookie["samesite"] == "Lax"  # SESSION_COOKIE_SAMESITE
    assert cookie["max-age"] == 1_209_600  # SESSION_COOKIE_AGE: two weeks, in seconds
    assert cookie["secure"] == ""  # SESSION_COOKIE_SECURE is False: sent over plain HTTP


@override_settings(SESSION_COOKIE_SECURE=True)
def test_production_sends_the_session_cookie_over_https_only(admin_user):
    assert log_in(admin_user)["secure"] is True
# --8<-- [end:session_cookie]
