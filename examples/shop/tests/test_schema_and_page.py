"""The OpenAPI schema of the shop, and the page's endpoints table checked against it."""

import pytest
from case_study_checks import PROJECT_PAGES, assert_endpoints_table_matches, fetch_schema

pytestmark = pytest.mark.django_db

PAGE = PROJECT_PAGES / "e-commerce-backend.md"


@pytest.fixture
def schema():
    return fetch_schema("/shop/api/schema/")


def test_schema_covers_only_the_shop(schema):
    assert schema["info"]["title"] == "Shop API"
    assert all(path.startswith("/shop/api/") for path in schema["paths"])


def test_schema_documents_filters_and_pagination(schema):
    parameters = {p["name"] for p in schema["paths"]["/shop/api/products/"]["get"]["parameters"]}
    assert parameters == {"category", "min_price", "max_price", "ordering", "page", "page_size"}


def test_page_endpoints_table_matches_the_schema(schema):
    assert_endpoints_table_matches(PAGE, schema)
