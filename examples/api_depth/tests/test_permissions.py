"""View-level and object-level permissions, and when DRF answers 401 or 403."""

import pytest
from rest_framework.test import APIClient

from api_depth.models import Shelf
from api_depth.tests.conftest import as_user

pytestmark = pytest.mark.django_db


# --8<-- [start:view_level]
def test_is_authenticated_or_read_only_lets_anyone_read(books, alice):
    anonymous = APIClient()
    assert anonymous.get("/api-depth/generic/books/").status_code == 200
    new = {"title": "New", "author": books[0].author_id, "publisher": books[0].publisher_id,
           "published": "2024-01-01", "price": "12.00"}
    refused = anonymous.post("/api-depth/generic/books/", new, format="json")
    assert refused.status_code == 403  # the project's first authentication class is the session
    assert refused.json() == {"detail": "Authentication credentials were not provided."}
    assert as_user(alice).post("/api-depth/generic/books/", new, format="json").status_code == 201


def test_is_owner_refuses_anonymous_reads_too():
    # IsOwner.has_permission is IsAuthenticated's check: no safe-method exception.
    assert APIClient().get("/api-depth/shelves/").status_code == 403
# --8<-- [end:view_level]


# --8<-- [start:object_level]
def test_scoped_queryset_and_object_permission(alice, bob):
    shelf = Shelf.objects.create(owner=alice, name="To read")
    alice_client, bob_client = as_user(alice), as_user(bob)

    assert [s["name"] for s in alice_client.get("/api-depth/shelves/").json()["results"]] == [
        "To read"
    ]
    assert bob_client.get("/api-depth/shelves/").json()["results"] == []
    # Not in Bob's queryset, so get_object() answers 404: he cannot even learn the id exists.
    assert bob_client.get(f"/api-depth/shelves/{shelf.pk}/").status_code == 404
    assert bob_client.delete(f"/api-depth/shelves/{shelf.pk}/").status_code == 404
    assert alice_client.get(f"/api-depth/shelves/{shelf.pk}/").status_code == 200
# --8<-- [end:object_level]


# --8<-- [start:object_level_holes]
def test_has_object_permission_protects_only_get_object(alice, bob):
    shelf = Shelf.objects.create(owner=alice, name="To read")
    bob_client = as_user(bob)

    # Detail route: get_object() runs IsOwner.has_object_permission, Bob gets 403.
    refused = bob_client.get(f"/api-depth/naive-shelves/{shelf.pk}/")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "This shelf belongs to another user."}

    # Hole 1: list never calls has_object_permission, so Bob sees Alice's shelf.
    listed = bob_client.get("/api-depth/naive-shelves/").json()["results"]
    assert [(s["name"], s["owner"]) for s in listed] == [("To read", "alice")]

    # Hole 2: an action that loads the row itself skips the check, and Bob renames it.
    renamed = bob_client.post(f"/api-depth/naive-shelves/{shelf.pk}/rename/", {"name": "Mine"})
    assert renamed.status_code == 200
    shelf.refresh_from_db()
    assert shelf.name == "Mine"
# --8<-- [end:object_level_holes]


# --8<-- [start:status_rule]
@pytest.mark.parametrize(
    ("path", "authorization", "status", "challenge", "detail"),
    [
        # Anonymous: the first authentication class's authenticate_header() decides.
        ("jwt/", None, 401, 'Bearer realm="api"', "Authentication credentials were not provided."),
        ("token/", None, 401, "Token", "Authentication credentials were not provided."),
        ("session/", None, 403, None, "Authentication credentials were not provided."),
        ("session-first/", None, 403, None, "Authentication credentials were not provided."),
        # Wrong credentials (AuthenticationFailed) follow the same rule.
        ("token/", "Token wrong", 401, "Token", "Invalid token."),
        ("session-first/", "Token wrong", 403, None, "Invalid token."),
    ],
)
def test_401_or_403(db, path, authorization, status, challenge, detail):
    client = APIClient()
    if authorization:
        client.credentials(HTTP_AUTHORIZATION=authorization)
    response = client.get(f"/api-depth/auth/{path}")
    assert response.status_code == status
    assert response.get("WWW-Authenticate") == challenge
    assert response.json() == {"detail": detail}


def test_authenticated_but_not_allowed_is_always_403(books, alice):
    response = as_user(alice).post(f"/api-depth/books/{books[0].pk}/set-price/",
                                   {"price": "9.99"}, format="json")
    assert response.status_code == 403  # IsAdminUser: alice is not staff
    assert response.json() == {"detail": "You do not have permission to perform this action."}
# --8<-- [end:status_rule]
