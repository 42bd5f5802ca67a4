"""The OpenAPI schema of the shop, and the page's endpoints table checked against it."""

import re

import pytest
from django.conf import settings
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PAGE = settings.BASE_DIR.parent / "docs" / "projects" / "e-commerce-backend.md"
ROW = re.compile(r"^\| `(GET|POST|PUT|PATCH|DELETE)` \| `(/[^`]*)` \|", re.MULTILINE)
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
def schema():
    response = APIClient().get("/shop/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def schema_endpoints(schema) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in METHODS
    }


def test_schema_covers_only_the_shop(schema):
    assert schema["info"]["title"] == "Shop API"
    assert all(path.startswith("/shop/api/") for path in schema["paths"])


def test_schema_documents_filters_and_pagination(schema):
    parameters = {p["name"] for p in schema["paths"]["/shop/api/products/"]["get"]["parameters"]}
    assert parameters == {"category", "min_price", "max_price", "ordering", "page", "page_size"}


def test_page_endpoints_table_matches_the_schema(schema):
    table = {(method, path) for method, path in ROW.findall(PAGE.read_text(encoding="utf-8"))}
    in_schema = schema_endpoints(schema)
    assert table, "the page has no endpoints table"
    assert not table - in_schema, f"in the page's table but not in the API: {table - in_schema}"
    assert not in_schema - table, f"in the API but not in the page's table: {in_schema - table}"
