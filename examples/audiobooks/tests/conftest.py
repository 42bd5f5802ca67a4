"""Fixtures of the audiobook tests: a sample catalogue, users, API clients and a clean cache."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from audiobooks.models import Purchase
from audiobooks.sample_data import create_sample_audiobooks


@pytest.fixture(autouse=True)
def empty_cache():
    # The local-memory cache outlives a test's database transaction: start each test empty.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def books(db):
    return create_sample_audiobooks(books=6, chapters_per_book=3)


@pytest.fixture
def listener(db):
    return get_user_model().objects.create_user(
        "listener", email="listener@example.com", password="s3cret-pass-123"
    )


@pytest.fixture
def other_listener(db):
    return get_user_model().objects.create_user("other", password="s3cret-pass-123")


def bearer_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


@pytest.fixture
def anonymous_client():
    return APIClient()


@pytest.fixture
def listener_client(listener):
    return bearer_client(listener)


@pytest.fixture
def other_client(other_listener):
    return bearer_client(other_listener)


@pytest.fixture
def owned_book(books, listener):
    """The listener's first purchase: Sample audiobook 01 (chapters of 1800, 600, 1200 s)."""
    book = books[0]
    Purchase.objects.create(user=listener, audiobook=book, price_paid=book.price)
    return book
