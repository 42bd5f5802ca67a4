"""Fixtures of the DRF-in-depth tests: users, books, token clients and an empty cache."""

import pytest
from catalog.sample_data import create_sample_catalog
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.test import APIClient

from api_depth.models import ApiToken

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def empty_cache():
    # Throttling history lives in the cache: every test starts with a full budget.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alice(db):
    return get_user_model().objects.create_user("alice", password=PASSWORD)


@pytest.fixture
def bob(db):
    return get_user_model().objects.create_user("bob", password=PASSWORD)


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("staff", password=PASSWORD, is_staff=True)


@pytest.fixture
def books(db):
    """Six books by two authors, no reviews."""
    return create_sample_catalog(authors=2, books_per_author=3, reviews_per_book=0)


def as_user(user) -> APIClient:
    """A client that skips authentication and is ``user`` for every request."""
    client = APIClient()
    client.force_authenticate(user=user)
    return client


def with_token(user) -> APIClient:
    """A client that sends ``Authorization: Token <key>`` for ``user``'s ApiToken."""
    token, _ = ApiToken.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client
