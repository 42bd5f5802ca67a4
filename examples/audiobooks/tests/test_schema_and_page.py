"""The audiobook platform's OpenAPI schema, and the page's endpoints table checked against it."""

import pytest
from case_study_checks import PROJECT_PAGES, assert_endpoints_table_matches, fetch_schema
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PAGE = PROJECT_PAGES / "audiobook-platform.md"


@pytest.fixture
def schema():
    return fetch_schema("/audiobooks/api/schema/")


def test_schema_covers_only_the_audiobook_platform(schema):
    assert schema["info"]["title"] == "Audiobook platform API"
    assert all(path.startswith("/audiobooks/api/") for path in schema["paths"])


def test_schema_documents_filters_pagination_and_responses(schema):
    books = schema["paths"]["/audiobooks/api/books/"]["get"]
    assert {p["name"] for p in books["parameters"]} == {
        "author",
        "narrator",
        "min_price",
        "max_price",
        "max_duration",
        "ordering",
        "page",
        "page_size",
    }
    purchase = schema["paths"]["/audiobooks/api/books/{slug}/purchase/"]["post"]
    # 409 from its @extend_schema; 401, 403 and 404 from config.schema.ProjectAutoSchema.
    assert set(purchase["responses"]) == {"201", "401", "403", "404", "409"}
    progress = schema["paths"]["/audiobooks/api/books/{slug}/progress/"]["put"]
    assert set(progress["responses"]) == {"200", "201", "400", "401", "403", "404"}


def test_swagger_ui_is_served(db):
    response = APIClient().get("/audiobooks/api/docs/")
    assert response.status_code == 200
    assert b"swagger-ui" in response.content


def test_page_endpoints_table_matches_the_schema(schema):
    assert_endpoints_table_matches(PAGE, schema)
