"""URLPathVersioning: /api/v1/ and /api/v2/ serve the same data in two shapes."""

import pytest

pytestmark = pytest.mark.django_db


# --8<-- [start:versioning_test]
def test_v1_and_v2_name_the_date_differently(api_client, books):
    v1 = api_client.get(f"/api/v1/books/{books[0].pk}/").json()
    v2 = api_client.get(f"/api/v2/books/{books[0].pk}/").json()
    assert v1["published"] == v2["published_on"] == books[0].published.isoformat()
    assert "published_on" not in v1
    assert "published" not in v2


def test_an_unknown_version_is_a_404(api_client, books):
    response = api_client.get("/api/v3/books/")
    assert response.status_code == 404
    assert response.json()["message"] == "Invalid version in URL path."
# --8<-- [end:versioning_test]


def test_v2_writes_use_the_new_field_name(editor, books):
    payload = {
        "title": "Versioned", "author_id": books[0].author_id,
        "publisher_id": books[0].publisher_id, "published_on": "2023-05-01", "price": "12.00",
    }
    response = editor.post("/api/v2/books/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["published_on"] == "2023-05-01"
    payload["published"] = payload.pop("published_on")  # the v1 name
    payload["title"] = "Other"
    old_name = editor.post("/api/v2/books/", payload, format="json")
    assert old_name.json()["errors"] == {"published_on": ["This field is required."]}


def test_links_stay_in_the_requested_version(api_client, books):
    assert api_client.get("/api/v2/books/").json()["next"].startswith(
        "http://testserver/api/v2/books/"
    )
    root = api_client.get("/api/v2/").json()
    assert root["books"] == "http://testserver/api/v2/books/"
    assert set(root) == {"books", "reviews", "authors", "publishers", "genres"}
