"""The bad requests of issue 17 and the ones the route tests found, each with its answer.

Before the fixes each of these was a 500 (or an HTML page from a JSON API) on at least one
of SQLite, PostgreSQL and MySQL/MariaDB; the comment says which and why.
"""

import base64

import pytest
from audiobooks.sample_data import create_sample_audiobooks
from catalog.models import Review
from catalog.sample_data import create_sample_catalog
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient
from shop.sample_data import create_sample_shop

pytestmark = pytest.mark.django_db

DEEP_JSON = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def anonymous():
    return APIClient()


@pytest.fixture
def member(db):
    """A logged-in user for every DRF view, whatever authentication it accepts."""
    client = APIClient()
    client.force_authenticate(get_user_model().objects.create_user("member", password="pw-123"))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/shop/api/products/a%00b/",
        "/shop/api/categories/a%00b/",
        "/audiobooks/api/books/a%00b/",
    ],
)
def test_a_nul_byte_in_a_slug_is_a_404(anonymous, url):
    # PostgreSQL: DataError "PostgreSQL text fields cannot contain NUL (0x00) bytes".
    create_sample_shop(products_per_category=1)
    response = anonymous.get(url)
    assert response.status_code == 404
    assert response.json()["detail"].startswith("No ")  # as for a slug nobody has


@pytest.mark.parametrize("action", ["post purchase", "put progress"])
def test_a_nul_byte_in_an_audiobook_action_is_a_404(member, action):
    method, name = action.split()
    create_sample_audiobooks(books=1)
    response = getattr(member, method)(f"/audiobooks/api/books/a%00b/{name}/", {}, format="json")
    assert response.status_code == 404


def test_an_author_id_beyond_64_bits_is_a_400(anonymous):
    # SQLite: OverflowError "Python int too large to convert to SQLite INTEGER".
    create_sample_catalog(authors=1, books_per_author=1)
    response = anonymous.get("/api/v1/books/?author=9223372036854775808")
    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "code": "invalid",
        "message": "The request data is invalid.",
        "errors": {"author": ["Ensure this value is less than or equal to 9223372036854775807."]},
    }
    assert anonymous.get("/api/v1/books/?author=1.5").json()["errors"] == {
        "author": ["Enter a whole number."]
    }


def test_a_conversation_with_user_1e30_is_a_400(member):
    # SQLite: OverflowError; the NumberFilter cleaned "1e30" to Decimal("1E+30").
    response = member.get("/stays/api/messages/?user=1e30")
    assert response.status_code == 400
    assert response.json() == {
        "user": ["Ensure this value is less than or equal to 9223372036854775807."]
    }


@pytest.mark.parametrize(
    "url", ["/stays/api/token/", "/shop/api/token/refresh/", "/api/v1/books/", "/graphql/"]
)
def test_a_body_nested_100000_deep_is_a_400(member, url):
    # Every database: RecursionError in json.loads, a 500 before any view code ran.
    response = member.post(url, DEEP_JSON, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api-depth/generic/books/abc/", {"detail": "Not found."}),  # <int:pk> does not match
        ("/tasks/reports/abc/", {"detail": "Not found."}),
        ("/tasks/async/books/999999/", {"detail": "Not found."}),  # was DoesNotExist: a 500
        ("/tasks/async/authors/a%00b/", {"detail": "Not found."}),  # PostgreSQL: DataError
        (
            "/api/mock/books/abc/",
            {"status": 404, "code": "not_found", "message": "Not found.", "errors": {}},
        ),
    ],
)
def test_a_url_that_matches_no_route_is_a_json_404(anonymous, url, body):
    response = anonymous.get(url)
    assert response.status_code == 404
    assert response.json() == body


def test_a_browser_still_gets_the_html_404(anonymous):
    response = anonymous.get("/tasks/reports/abc/", headers={"accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("position", ["abc", "a\x00b", "1e30"])
def test_a_forged_cursor_is_a_404(anonymous, position):
    # Every database: ValueError "Field 'id' expected a number but got 'abc'".
    books = create_sample_catalog(authors=1, books_per_author=1)
    Review.objects.create(book=books[0], rating=5)
    cursor = base64.b64encode(f"p={position}".encode()).decode()
    response = anonymous.get(f"/api/v1/reviews/?cursor={cursor}")
    assert response.status_code == 404
    assert response.json()["message"] == "Invalid cursor"


def test_a_catalogue_url_longer_than_a_cache_key_is_served(anonymous):
    # memcached (CACHE_URL=memcache://...): InvalidCacheKey for keys over 250 characters,
    # and the key used to contain the whole URL.
    create_sample_audiobooks(books=1)
    response = anonymous.get(f"/audiobooks/api/books/?narrator={'x' * 300}")
    assert response.status_code == 200


def test_continue_listening_ignores_ordering(member):
    # Every database: TypeError "Cannot reorder a query once a slice has been taken".
    response = member.get("/audiobooks/api/continue-listening/?ordering=updated")
    assert response.status_code == 200


def test_a_naive_shelf_needs_a_name_and_an_existing_id(member):
    # The teaching viewset with two permission holes had two more: no owner on create
    # (IntegrityError) and Shelf.objects.get() on an unknown id (DoesNotExist).
    created = member.post("/api-depth/naive-shelves/", {"name": "Later"}, format="json")
    assert created.status_code == 201
    assert member.post("/api-depth/naive-shelves/999999/rename/", {"name": "x"}).status_code == 404
    rename = f"/api-depth/naive-shelves/{created.json()['id']}/rename/"
    assert member.post(rename, {}, format="json").json() == {"name": ["This field is required."]}


def test_a_nul_byte_in_a_basic_username_is_refused(anonymous):
    # PostgreSQL: DataError in ModelBackend's get_by_natural_key(), for anyone, on every view
    # that takes the project's default BasicAuthentication (bad_input.backends.ModelBackend).
    credentials = base64.b64encode(b"a\x00b:password").decode()
    response = anonymous.get("/api/v1/books/", headers={"authorization": f"Basic {credentials}"})
    assert response.status_code == 403  # SessionAuthentication comes first: no challenge
    assert response.json()["message"] == "Invalid username/password."
