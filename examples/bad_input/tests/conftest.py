"""Fixtures of the bad-input tests."""

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Every login attempt with a bad Basic header runs the hasher once, user or not.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

