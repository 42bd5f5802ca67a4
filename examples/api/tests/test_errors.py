"""Every error of the bookshop API has the same four keys: status, code, message, errors."""

import json

import pytest
from catalog.models import Book
from django.conf import settings
from django.http import Http404
from rest_framework.views import exception_handler

pytestmark = pytest.mark.django_db

OUTPUTS = settings.BASE_DIR / "api" / "outputs"


def matches_output(name: str, response) -> None:
    """The page shows examples/api/outputs/<name>; fail when the real response differs."""
    expected = json.loads((OUTPUTS / name).read_text())
    assert response.json() == expected, (
        f"Refresh examples/api/outputs/{name} with: {json.dumps(response.json(), indent=2)}"
    )


def test_validation_error_shape(editor, books):
    response = editor.post("/api/v1/books/", {"title": "X", "price": "0"}, format="json")
    assert response.status_code == 400
    matches_output("error_400.json", response)


def test_not_found_shape(api_client, books):
    missing = Book.objects.order_by("-pk").first().pk + 1000
    response = api_client.get(f"/api/v1/books/{missing}/")
    assert response.status_code == 404
    matches_output("error_404.json", response)


@pytest.mark.parametrize(
    ("method", "url", "status", "code", "message"),
    [
        ("post", "/api/v1/books/{pk}/", 405, "method_not_allowed", 'Method "POST" not allowed.'),
        ("get", "/api/v1/books/?page=0", 404, "not_found", "Invalid page."),
        ("get", "/api/v9/books/", 404, "not_found", "Invalid version in URL path."),
    ],
)
def test_other_errors_share_the_shape(editor, books, method, url, status, code, message):
    response = getattr(editor, method)(url.format(pk=books[0].pk))
    assert response.status_code == status
    assert response.json() == {"status": status, "code": code, "message": message, "errors": {}}


def test_malformed_json_is_a_parse_error(editor, books):
    response = editor.post("/api/v1/books/", data="{not json", content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "parse_error"
    assert body["message"].startswith("JSON parse error")


def test_missing_credentials_share_the_shape(api_client, books):
    response = api_client.put(f"/api/v1/books/{books[0].pk}/", {}, format="json")
    assert response.status_code == 403
    assert response.json() == {
        "status": 403,
        "code": "not_authenticated",
        "message": "Authentication credentials were not provided.",
        "errors": {},
    }


def test_drf_default_handler_shape_for_comparison():
    """DRF's own handler, which the mixin replaces, answers {"detail": ...}."""
    response = exception_handler(Http404("No Book matches the given query."), {})
    assert response.status_code == 404
    assert response.data == {"detail": "No Book matches the given query."}
