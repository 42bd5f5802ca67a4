"""Generic views versus viewsets, and what DefaultRouter and SimpleRouter generate."""

from pathlib import Path

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from api_depth.tests.conftest import as_user
from api_depth.urls import router, simple_router

pytestmark = pytest.mark.django_db

OUTPUTS = Path(__file__).resolve().parent.parent / "outputs"


# --8<-- [start:same_books]
def test_generic_views_and_viewsets_serve_the_same_books(books):
    client = APIClient()
    generic = client.get("/api-depth/generic/books/").json()
    routed = client.get("/api-depth/books/").json()
    simple = client.get("/api-depth/simple/books/").json()
    assert generic["results"] == routed["results"] == simple["results"]  # first page of 5
    assert generic["count"] == routed["count"] == simple["count"] == 6
    one = books[0].pk
    assert (client.get(f"/api-depth/generic/books/{one}/").json()
            == client.get(f"/api-depth/books/{one}/").json())


def test_each_class_allows_the_methods_of_its_mixins(books, alice):
    client = as_user(alice)
    one = books[0].pk
    allow = {url: client.options(url)["Allow"] for url in [
        "/api-depth/generic/books/", f"/api-depth/generic/books/{one}/",
        "/api-depth/books/", f"/api-depth/books/{one}/",
    ]}
    assert allow == {
        "/api-depth/generic/books/": "GET, POST, HEAD, OPTIONS",  # ListCreateAPIView
        f"/api-depth/generic/books/{one}/": "GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
        "/api-depth/books/": "GET, HEAD, OPTIONS",  # ReadOnlyModelViewSet: list
        f"/api-depth/books/{one}/": "GET, HEAD, OPTIONS",  # ... and retrieve
    }
    response = client.post("/api-depth/books/", {"title": "New"}, format="json")
    assert response.status_code == 405
    assert response.json() == {"detail": 'Method "POST" not allowed.'}
# --8<-- [end:same_books]


def routes_of(url_patterns, basename: str) -> list[str]:
    return [f"{p.name:<24} {p.pattern}" for p in url_patterns
            if p.name.startswith(basename) or p.name == "api-root"]


# --8<-- [start:url_names]
def test_router_url_names_match_the_page():
    generated = "\n".join([
        "DefaultRouter",
        *routes_of(router.urls, "book-"),
        "",
        "SimpleRouter",
        *routes_of(simple_router.urls, "simple-book-"),
    ]) + "\n"
    shown = (OUTPUTS / "router_urls.txt").read_text()
    assert generated == shown, f"Refresh examples/api_depth/outputs/router_urls.txt:\n{generated}"


def test_reverse_with_the_generated_names():
    assert reverse("api_depth:book-list") == "/api-depth/books/"
    assert reverse("api_depth:book-detail", kwargs={"pk": 7}) == "/api-depth/books/7/"
    assert reverse("api_depth:book-cheapest") == "/api-depth/books/cheapest/"
    assert reverse("api_depth:book-set-price", args=[7]) == "/api-depth/books/7/set-price/"
    assert reverse("api_depth:simple-book-detail", args=[7]) == "/api-depth/simple/books/7/"
    assert reverse("api_depth:api-root") == "/api-depth/"
# --8<-- [end:url_names]


# --8<-- [start:api_root]
def test_default_router_has_an_api_root_and_format_suffixes(books):
    client = APIClient()
    assert client.get("/api-depth/").json() == {
        "books": "http://testserver/api-depth/books/",
        "shelves": "http://testserver/api-depth/shelves/",
        "naive-shelves": "http://testserver/api-depth/naive-shelves/",
    }
    json_suffix = client.get("/api-depth/books.json")
    assert json_suffix.status_code == 200
    assert json_suffix["Content-Type"] == "application/json"


def test_simple_router_has_neither(books):
    client = APIClient()
    assert client.get("/api-depth/simple/").status_code == 404
    assert client.get("/api-depth/simple/books.json").status_code == 404
# --8<-- [end:api_root]
