"""401 vs 403, view-level and object-level permissions."""

import pytest
from rest_framework.test import APIClient

from security.models import BookNote
from security.tests.conftest import bearer

pytestmark = pytest.mark.django_db


# --8<-- [start:status_401_vs_403]
def test_anonymous_on_jwt_view_is_401_with_a_challenge():
    response = APIClient().get("/security/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert str(response.data["detail"]) == "Authentication credentials were not provided."


def test_anonymous_on_session_view_is_403_without_a_challenge():
    response = APIClient().get("/security/session-me/")
    # Same message, but SessionAuthentication has no WWW-Authenticate header to offer.
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response
    assert str(response.data["detail"]) == "Authentication credentials were not provided."


def test_logged_in_but_not_staff_is_403(alice):
    response = bearer(alice).get("/security/staff-report/")
    assert response.status_code == 403
    assert str(response.data["detail"]) == "You do not have permission to perform this action."


def test_staff_passes_is_admin_user(admin_user):
    assert bearer(admin_user).get("/security/staff-report/").status_code == 200
# --8<-- [end:status_401_vs_403]


# --8<-- [start:object_level]
def test_only_the_author_may_edit_a_note(alice, bob, book):
    created = bearer(alice).post(
        "/security/notes/", {"book": book.pk, "body": "Chapter 3 is the key."}, format="json"
    )
    assert created.status_code == 201
    assert created.data["author"] == "alice"
    url = f"/security/notes/{created.data['id']}/"

    # Bob passes has_permission (he is logged in) but fails has_object_permission.
    denied = bearer(bob).patch(url, {"body": "Vandalised"}, format="json")
    assert denied.status_code == 403
    assert str(denied.data["detail"]) == "Only the author of this note may change it."
    assert bearer(bob).delete(url).status_code == 403

    # Everyone may read, and the author may edit.
    assert APIClient().get(url).data["body"] == "Chapter 3 is the key."
    assert bearer(alice).patch(url, {"body": "Chapter 4."}, format="json").status_code == 200
    assert BookNote.objects.get().body == "Chapter 4."
# --8<-- [end:object_level]


def test_author_field_from_the_client_is_ignored(alice, bob, book):
    response = bearer(alice).post(
        "/security/notes/",
        {"book": book.pk, "body": "Mine.", "author": bob.pk},
        format="json",
    )
    assert response.status_code == 201
    assert BookNote.objects.get().author == alice


def test_anonymous_write_is_401(book):
    response = APIClient().post("/security/notes/", {"book": book.pk, "body": "Hi!"})
    assert response.status_code == 401


# --8<-- [start:validation]
def test_serializer_rejects_bad_input(alice):
    response = bearer(alice).post(
        "/security/notes/", {"book": 999_999, "body": "  a "}, format="json"
    )
    assert response.status_code == 400
    assert response.data == {
        "book": ['Invalid pk "999999" - object does not exist.'],
        "body": ["A note needs at least 3 characters."],
    }
    assert not BookNote.objects.exists()
# --8<-- [end:validation]
