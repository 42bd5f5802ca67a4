"""Fixtures of the stays tests: the sample data, its users and API clients."""

import pytest
from rest_framework.test import APIClient
from shop.tests.conftest import bearer_client

from stays.sample_data import create_sample_stays


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The sample users get real passwords; the default hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def stays(db):
    return create_sample_stays()


@pytest.fixture
def users(stays):
    return stays["users"]


@pytest.fixture
def homes(stays):
    return stays["properties"]


@pytest.fixture
def anonymous_client():
    return APIClient()


@pytest.fixture
def client_of(users):
    """``client_of("lena")``: an API client with a valid access token of that sample user."""
    return lambda username: bearer_client(users[username])
