"""The DRF page's pitfalls, each reproduced with the exact error DRF or Django raises, and the
DRF defaults that the examples project's settings change."""

import pytest
from catalog.models import Author, Book
from django.db.models import ProtectedError
from rest_framework import serializers, viewsets
from rest_framework.routers import DefaultRouter
from rest_framework.settings import DEFAULTS
from rest_framework.test import APIClient

from api.serializers import AuthorSerializer, BookSerializer


def test_a_writable_nested_serializer_cannot_create(db, books):
    class WritableAuthorBook(serializers.ModelSerializer):
        author = AuthorSerializer()  # no read_only=True

        class Meta:
            model = Book
            fields = ["title", "author", "publisher", "published", "price"]

    serializer = WritableAuthorBook(data={
        "title": "Nested", "author": {"name": "New Author"},
        "publisher": books[0].publisher_id, "published": "2024-01-01", "price": "10.00",
    })
    assert serializer.is_valid(), serializer.errors
    with pytest.raises(AssertionError) as error:
        serializer.save()
    first_line, second_line = str(error.value).split("\n")
    assert first_line == (
        "The `.create()` method does not support writable nested fields by default."
    )
    assert "serializer `api.tests.test_pitfalls.WritableAuthorBook`" in second_line


def test_a_relational_field_needs_a_queryset():
    with pytest.raises(AssertionError) as error:
        serializers.PrimaryKeyRelatedField()
    assert str(error.value) == (
        "Relational field must provide a `queryset` argument, override `get_queryset`, "
        "or set read_only=`True`."
    )


def test_a_viewset_without_a_queryset_attribute_needs_a_basename():
    class OnlyGetQueryset(viewsets.ReadOnlyModelViewSet):
        serializer_class = BookSerializer

        def get_queryset(self):
            return Book.objects.all()

    with pytest.raises(AssertionError) as error:
        DefaultRouter().register("books", OnlyGetQueryset)
    assert str(error.value) == (
        "`basename` argument not specified, and could not automatically determine the name "
        "from the viewset, as it does not have a `.queryset` attribute."
    )
    DefaultRouter().register("books", OnlyGetQueryset, basename="book")  # the fix


def test_protect_raises_before_any_delete(db, books):
    author = Author.objects.get(name="Author 01")
    with pytest.raises(ProtectedError) as error:
        author.delete()
    assert error.value.args[0] == (
        "Cannot delete some instances of model 'Author' because they are referenced through "
        "protected foreign keys: 'Book.author'."
    )


def test_the_test_client_posts_multipart_unless_told_json(db, user):
    client = APIClient()
    client.force_authenticate(user=user)
    with pytest.raises(AssertionError) as error:
        client.post("/api/v1/books/", {"title": "X", "author": {"id": 1}})
    assert str(error.value) == (
        "Test data contained a dictionary value for key 'author', but multipart uploads do "
        "not support nested data. You may want to consider using format='json' in this test "
        "case."
    )


# --8<-- [start:drf_defaults]
def test_drf_defaults_are_open_unpaginated_and_unthrottled(settings):
    # What DRF does when REST_FRAMEWORK says nothing: anyone may write, every list
    # returns every row, and no client is ever rate-limited.
    assert DEFAULTS["DEFAULT_PERMISSION_CLASSES"] == ["rest_framework.permissions.AllowAny"]
    assert DEFAULTS["DEFAULT_PAGINATION_CLASS"] is None
    assert DEFAULTS["PAGE_SIZE"] is None
    assert DEFAULTS["DEFAULT_THROTTLE_CLASSES"] == []
    # The examples project changes the first two, and leaves throttling to the security page.
    assert settings.REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"] == [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly"
    ]
    assert settings.REST_FRAMEWORK["PAGE_SIZE"] == 5
# --8<-- [end:drf_defaults]
