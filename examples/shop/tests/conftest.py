"""Fixtures of the shop tests: a sample shop, users and API clients."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from shop.sample_data import create_sample_shop


@pytest.fixture
def products(db):
    return create_sample_shop(products_per_category=5)


@pytest.fixture
def customer(db):
    return get_user_model().objects.create_user("customer", password="s3cret-pass-123")


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_user(
        "shopadmin", password="s3cret-pass-123", is_staff=True
    )


def bearer_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


@pytest.fixture
def anonymous_client():
    return APIClient()


@pytest.fixture
def customer_client(customer):
    return bearer_client(customer)


@pytest.fixture
def staff_client(staff_user):
    return bearer_client(staff_user)
