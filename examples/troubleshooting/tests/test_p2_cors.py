"""What the browser checks: Access-Control-Allow-Origin on the response, for its origin."""

import json

import pytest
from django.test import RequestFactory

from troubleshooting.web_cors import AllowedOriginsCorsMiddleware, book_count

FRONTEND = "http://localhost:5173"
factory = RequestFactory()


@pytest.fixture
def app():
    """The view wrapped in the middleware, as MIDDLEWARE would wrap it."""
    return AllowedOriginsCorsMiddleware(book_count, allowed_origins=[FRONTEND])


# --8<-- [start:test_cors]
def test_without_the_middleware_the_browser_gets_no_allow_origin_header():
    response = book_count(factory.get("/books/count/", headers={"Origin": FRONTEND}))
    assert response.status_code == 200  # the server answered; the browser hides the body
    assert "Access-Control-Allow-Origin" not in response


def test_the_allowed_origin_is_echoed_back(app):
    response = app(factory.get("/books/count/", headers={"Origin": FRONTEND}))
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert response["Vary"] == "Origin"
    assert json.loads(response.content) == {"books": 20}


def test_other_origins_get_no_header(app):
    response = app(factory.get("/books/count/", headers={"Origin": "https://evil.example"}))
    assert "Access-Control-Allow-Origin" not in response


def test_the_preflight_is_answered_without_running_the_view(app):
    request = factory.options(
        "/books/count/",
        headers={
            "Origin": FRONTEND,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    response = app(request)
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "content-type" in response["Access-Control-Allow-Headers"]
# --8<-- [end:test_cors]


def test_a_plain_request_without_origin_is_untouched(app):
    response = app(factory.get("/books/count/"))
    assert "Access-Control-Allow-Origin" not in response
    assert json.loads(response.content) == {"books": 20}
