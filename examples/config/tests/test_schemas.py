"""Every published OpenAPI schema: valid, no drf-spectacular warning, public reads, errors."""

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.validation import validate_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.test import APIClient

from .published import PUBLISHED_SCHEMAS

pytestmark = pytest.mark.django_db
OPENAPI_JSON = "application/vnd.oai.openapi+json"


def schema_views(patterns) -> int:
    """How many URL patterns of the URLconf serve a SpectacularAPIView."""
    count = 0
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            count += schema_views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            count += getattr(pattern.callback, "view_class", None) is SpectacularAPIView
    return count


def test_the_list_names_every_schema_the_urlconf_serves():
    for url in PUBLISHED_SCHEMAS:
        assert resolve(url).func.view_class is SpectacularAPIView, url
    # /api/v1/ and /api/v2/ share one pattern (the version is part of the URL).
    assert schema_views(get_resolver().url_patterns) == len(PUBLISHED_SCHEMAS) - 1


@pytest.fixture
def generator_messages():
    """drf-spectacular's warnings and errors of one generation (it collects them globally)."""
    GENERATOR_STATS.reset()
    yield lambda: [*GENERATOR_STATS._error_cache, *GENERATOR_STATS._warn_cache]
    GENERATOR_STATS.reset()


@pytest.mark.parametrize("url", PUBLISHED_SCHEMAS)
def test_the_served_schema_is_valid_and_has_no_warning(url, generator_messages):
    response = APIClient().get(url, HTTP_ACCEPT=OPENAPI_JSON)
    assert response.status_code == 200
    assert generator_messages() == []
    validate_schema(response.json())


# --8<-- [start:fail_on_warn]
@pytest.mark.parametrize("version", ["v1", "v2"])
def test_spectacular_fails_on_no_warning(version, tmp_path, generator_messages):
    # What CI runs: any warning (a name clash, a type it could not guess) fails the command.
    call_command("spectacular", "--fail-on-warn", "--validate", "--api-version", version,
                 "--file", str(tmp_path / "schema.yaml"))
# --8<-- [end:fail_on_warn]


@pytest.fixture(scope="module")
def combined(django_db_blocker):
    with django_db_blocker.unblock():
        response = APIClient().get("/api/v1/schema/", HTTP_ACCEPT=OPENAPI_JSON)
    return response.json()


def operation(schema, method, path):
    return schema["paths"][path][method]


@pytest.mark.parametrize(("method", "path"), [
    ("get", "/api/v1/books/"),
    ("get", "/shop/api/products/"),
    ("get", "/shop/api/categories/{slug}/"),
    ("get", "/stays/api/properties/"),
    ("get", "/stays/api/reviews/{id}/"),
    ("get", "/audiobooks/api/books/{slug}/"),
    ("get", "/security/notes/"),
    ("post", "/shop/api/token/"),
])
def test_public_operations_need_no_credentials(combined, method, path):
    assert {} in operation(combined, method, path)["security"]


@pytest.mark.parametrize(("method", "path"), [
    ("post", "/shop/api/products/"),
    ("get", "/stays/api/bookings/"),
    ("get", "/stays/api/messages/"),
    ("post", "/security/notes/"),
    ("get", "/audiobooks/api/library/"),
])
def test_private_operations_do(combined, method, path):
    assert {} not in operation(combined, method, path)["security"]


@pytest.mark.parametrize(("method", "path", "codes"), [
    ("get", "/api/v1/books/", {"200", "400", "404"}),  # bad filter value, page past the end
    ("delete", "/api/v1/authors/{id}/", {"204", "403", "404", "409"}),  # still has books
    ("post", "/shop/api/token/", {"200", "400", "401", "429"}),  # wrong password, throttled
    ("get", "/shop/api/products/{slug}/", {"200", "401", "404"}),  # 401: a bad token
    ("delete", "/shop/api/categories/{slug}/", {"204", "401", "403", "404", "409"}),
    ("post", "/stays/api/bookings/", {"201", "400", "401", "403", "409"}),  # nights taken
    ("post", "/stays/api/bookings/{id}/confirm/", {"200", "401", "403", "404", "409"}),
    ("delete", "/stays/api/properties/{id}/", {"204", "401", "403", "404", "409"}),
    ("post", "/audiobooks/api/books/{slug}/purchase/", {"201", "401", "403", "404", "409"}),
])
def test_error_responses_are_documented(combined, method, path, codes):
    assert set(operation(combined, method, path)["responses"]) == codes


def test_the_two_apps_names_no_longer_clash(combined):
    components = combined["components"]["schemas"]
    assert {"Author", "AudiobookAuthor", "Review", "PropertyReview"} <= set(components)
    assert set(components["AudiobookAuthor"]["properties"]) == {"name", "slug"}
    assert "rating" in components["PropertyReview"]["properties"]
