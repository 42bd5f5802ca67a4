"""Fixtures of the security tests: users, a book, token clients and a clean cache."""

import pytest
from catalog.sample_data import create_sample_catalog
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

PASSWORD = "s3cret-pass-123"


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate-limit counters live in the cache: every test starts from zero.
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
def admin_user(db):
    return get_user_model().objects.create_user("boss", password=PASSWORD, is_staff=True)


@pytest.fixture
def book(db):
    return create_sample_catalog(authors=1, books_per_author=1, reviews_per_book=0)[0]


def bearer(user) -> APIClient:
    """An API client that sends a fresh access token for ``user``."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client
