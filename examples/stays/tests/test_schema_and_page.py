"""The OpenAPI schema of the stays app, and the page's endpoints table checked against it."""

import pytest
from case_study_checks import PROJECT_PAGES, assert_endpoints_table_matches, fetch_schema

pytestmark = pytest.mark.django_db

PAGE = PROJECT_PAGES / "airbnb-clone.md"


@pytest.fixture
def schema():
    return fetch_schema("/stays/api/schema/")


def test_schema_covers_only_the_stays_app(schema):
    assert schema["info"]["title"] == "Stays API"
    assert all(path.startswith("/stays/api/") for path in schema["paths"])


def test_schema_documents_filters_and_pagination(schema):
    operation = schema["paths"]["/stays/api/properties/"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {
        "location",
        "min_price",
        "max_price",
        "available_from",
        "available_to",
        "ordering",
        "page",
        "page_size",
    }
    operation = schema["paths"]["/stays/api/messages/"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"user", "page", "page_size"}


def test_page_endpoints_table_matches_the_schema(schema):
    assert_endpoints_table_matches(PAGE, schema)
