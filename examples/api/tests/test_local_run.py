"""The "Run the API locally" steps of the DRF page: seed, then browse the URLs it lists."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_seeded_database_serves_the_urls_the_page_lists(api_client):
    out = StringIO()
    call_command("seed_catalog", stdout=out)
    assert "Created 20 books." in out.getvalue()

    root = api_client.get("/api/v1/")
    assert root.status_code == 200
    assert root.json()["books"] == "http://testserver/api/v1/books/"
    python_books = api_client.get("/api/v1/books/?genre=python&ordering=-price").json()
    prices = [book["price"] for book in python_books["results"]]
    assert python_books["count"] == 8
    assert prices == sorted(prices, key=float, reverse=True)
    assert api_client.get("/api/v1/docs/").status_code == 200
