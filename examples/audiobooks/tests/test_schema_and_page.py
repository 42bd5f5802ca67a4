"""The audiobook platform's OpenAPI schema, and the page's endpoints table checked against it."""

import re

import pytest
from django.conf import settings
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PAGE = settings.BASE_DIR.parent / "docs" / "projects" / "audiobook-platform.md"
ROW = re.compile(r"^\| `(GET|POST|PUT|PATCH|DELETE)` \| `(/[^`]*)` \|", re.MULTILINE)
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
def schema():
    response = APIClient().get(
        "/audiobooks/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    assert response.status_code == 200
    return response.json()


def schema_endpoints(schema) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in METHODS
    }


def test_schema_covers_only_the_audiobook_platform(schema):
    assert schema["info"]["title"] == "Audiobook platform API"
    assert all(path.startswith("/audiobooks/api/") for path in schema["paths"])


def test_schema_documents_filters_pagination_and_responses(schema):
    books = schema["paths"]["/audiobooks/api/books/"]["get"]
    assert {p["name"] for p in books["parameters"]} == {
        "author", "narrator", "min_price", "max_price", "max_duration",
        "ordering", "page", "page_size",
    }
    purchase = schema["paths"]["/audiobooks/api/books/{slug}/purchase/"]["post"]
    assert set(purchase["responses"]) == {"201", "409"}
    progress = schema["paths"]["/audiobooks/api/books/{slug}/progress/"]["put"]
    assert set(progress["responses"]) == {"200", "201"}


def test_swagger_ui_is_served(db):
    response = APIClient().get("/audiobooks/api/docs/")
    assert response.status_code == 200
    assert b"swagger-ui" in response.content


def test_page_endpoints_table_matches_the_schema(schema):
    table = {(method, path) for method, path in ROW.findall(PAGE.read_text(encoding="utf-8"))}
    in_schema = schema_endpoints(schema)
    assert table, "the page has no endpoints table"
    assert not table - in_schema, f"in the page's table but not in the API: {table - in_schema}"
    assert not in_schema - table, f"in the API but not in the page's table: {in_schema - table}"
