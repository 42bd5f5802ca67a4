"""The OpenAPI 3 schema: generated, valid, complete, and matched by the mock endpoint."""

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from drf_spectacular.drainage import GENERATOR_STATS

from api.mock import BOOK_EXAMPLE

pytestmark = pytest.mark.django_db


# --8<-- [start:schema_test]
def test_schema_is_valid_openapi_3_and_lists_the_endpoints(tmp_path):
    path = tmp_path / "schema.yaml"
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(path),
        "--urlconf", "api.tests.urls_api_only",
    )
    schema = yaml.safe_load(path.read_text())
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/books/", "/api/v1/books/{id}/", "/api/v1/reviews/"} <= set(schema["paths"])
    assert set(schema["paths"]["/api/v1/books/{id}/"]) >= {"get", "put", "patch", "delete"}
# --8<-- [end:schema_test]


def test_schema_excerpt_matches_the_page(tmp_path):
    """The page shows examples/api/outputs/schema_book_retrieve.yaml."""
    path = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(path), "--urlconf", "api.tests.urls_api_only")
    operation = yaml.safe_load(path.read_text())["paths"]["/api/v1/books/{id}/"]["get"]
    shown = yaml.safe_load((settings.BASE_DIR / "api" / "outputs" / "schema_book_retrieve.yaml")
                           .read_text())
    assert {"/api/v1/books/{id}/": {"get": operation}} == shown


def test_schema_documents_filters_errors_and_examples(tmp_path):
    path = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(path), "--urlconf", "api.tests.urls_api_only")
    schema = yaml.safe_load(path.read_text())
    list_books = schema["paths"]["/api/v1/books/"]["get"]
    params = {p["name"] for p in list_books["parameters"]}
    assert {"genre", "min_price", "published_after", "search", "ordering", "page"} <= params
    create = schema["paths"]["/api/v1/books/"]["post"]
    assert create["responses"]["400"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    examples = create["responses"]["201"]["content"]["application/json"]["examples"]
    assert examples["ABook"]["value"] == BOOK_EXAMPLE
    # Write-only PK fields appear only in the request component.
    assert "author_id" in schema["components"]["schemas"]["BookRequest"]["properties"]
    assert "author_id" not in schema["components"]["schemas"]["Book"]["properties"]


def test_each_version_has_its_own_schema(api_client):
    v2 = yaml.safe_load(api_client.get("/api/v2/schema/").content)
    assert "/api/v2/books/" in v2["paths"]
    assert "/api/v1/books/" not in v2["paths"]
    book_v2 = v2["components"]["schemas"]["BookV2"]["properties"]
    assert "published_on" in book_v2
    assert "published" not in book_v2


def test_schema_and_swagger_ui_are_served(api_client):
    schema = api_client.get("/api/v1/schema/")
    assert schema.status_code == 200
    assert schema["Content-Type"].startswith("application/vnd.oai.openapi")
    assert b"/api/v1/books/" in schema.content
    docs = api_client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    # Swagger UI's JavaScript and CSS come from drf-spectacular-sidecar, not from a CDN; the
    # start script, which names the schema's URL, is a second request (the split view).
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn.jsdelivr.net" not in html
    assert b'url: "/api/v1/schema/"' in api_client.get("/api/v1/docs/?script=").content


# --8<-- [start:mock_test]
def test_mock_example_has_the_real_responses_shape(api_client, books):
    real = api_client.get(f"/api/v1/books/{books[0].pk}/").json()
    mock = api_client.get("/api/mock/books/7/").json()
    assert mock["id"] == 7
    assert set(mock) == set(real)
    assert set(mock["author"]) == set(real["author"])
    assert set(mock["genres"][0]) == set(real["genres"][0])
# --8<-- [end:mock_test]


def test_views_it_cannot_describe_fail_the_ci_check(tmp_path):
    GENERATOR_STATS.reset()  # drf-spectacular collects its messages in a global
    try:
        with pytest.raises(CommandError, match="^Failing as requested due to warnings$"):
            call_command(
                "spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"),
                "--urlconf", "api.tests.urls_schema_pitfalls",
            )
        messages = [*GENERATOR_STATS._error_cache, *GENERATOR_STATS._warn_cache]
    finally:
        GENERATOR_STATS.reset()
    expected = [
        "Error [BookStatsView]: unable to guess serializer. This is graceful fallback handling "
        "for APIViews. Consider using GenericAPIView as view base class, if view is under your "
        "control. Either way you may want to add a serializer_class (or method). Ignoring view "
        "for now.",
        'Warning [BookRatingList > BookRatingSerializer]: unable to resolve type hint for '
        'function "get_rating". Consider using a type hint or @extend_schema_field. '
        "Defaulting to string.",
    ]
    # Each message starts with the file of the code it is about (and its line, with --lineno).
    for text in expected:
        assert any(message.endswith(f": {text}") for message in messages), messages
