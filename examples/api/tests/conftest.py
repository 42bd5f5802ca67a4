import pytest
from catalog.sample_data import create_sample_catalog
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient


@pytest.fixture
def books(db):
    """Twenty books by five authors, two genres and three reviews each."""
    return create_sample_catalog(authors=5, books_per_author=4)


@pytest.fixture
def api_client() -> APIClient:
    """An anonymous DRF test client: it may read but not write."""
    return APIClient()


@pytest.fixture
def user(db):
    return get_user_model().objects.create_user("editor", password="a-long-test-password")


@pytest.fixture
def editor(user) -> APIClient:
    """A client logged in as a user, so IsAuthenticatedOrReadOnly lets it write."""
    api = APIClient()
    api.force_authenticate(user=user)
    return api
