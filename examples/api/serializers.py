"""Serializers of the bookshop API: JSON in and out, with validation.

A serializer turns model instances into Python data that renders as JSON, and turns
incoming JSON into validated data that can be saved. The book serializer shows the common
split: related objects are *nested* when read (so a client gets the author's name without a
second request) and written as *primary keys* (so a client sends ``"author_id": 3``).
"""

import datetime

from catalog.models import Author, Book, Genre, Publisher, Review
from django.utils import timezone
from rest_framework import serializers


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "name"]


class PublisherSerializer(serializers.ModelSerializer):
    class Meta:
        model = Publisher
        fields = ["id", "name"]


class GenreSerializer(serializers.ModelSerializer):
    class Meta:
        model = Genre
        fields = ["id", "name"]


# --8<-- [start:book_serializer]
class BookSerializer(serializers.ModelSerializer):
    """A book: related objects nested when read, written as primary keys."""

    # Read: whole objects, so one response has everything a book page shows.
    author = AuthorSerializer(read_only=True)
    publisher = PublisherSerializer(read_only=True)
    genres = GenreSerializer(many=True, read_only=True)
    # Write: primary keys, checked against the database ("Invalid pk" if missing).
    author_id = serializers.PrimaryKeyRelatedField(
        queryset=Author.objects.all(), source="author", write_only=True
    )
    publisher_id = serializers.PrimaryKeyRelatedField(
        queryset=Publisher.objects.all(), source="publisher", write_only=True
    )
    genre_ids = serializers.PrimaryKeyRelatedField(
        queryset=Genre.objects.all(), source="genres", many=True, write_only=True,
        required=False,
    )

    class Meta:
        model = Book
        fields = [
            "id", "title", "author", "author_id", "publisher", "publisher_id",
            "genres", "genre_ids", "published", "price",
        ]
# --8<-- [end:book_serializer]

    # --8<-- [start:validation]
    def validate_price(self, value):
        """Field-level check on the price alone; ``DecimalField`` already checked the format."""
        if value <= 0:
            raise serializers.ValidationError("The price must be greater than zero.")
        return value

    def validate_published(self, value: datetime.date) -> datetime.date:
        """Field-level check: ``validate_<field>`` runs after the field's own checks."""
        # Today in the current time zone, by Django's clock (not the server's date.today()).
        if value > timezone.localdate():
            raise serializers.ValidationError("A book cannot be published in the future.")
        return value

    def validate(self, attrs: dict) -> dict:
        """Object-level check: sees every validated field, for rules that span fields."""
        # On a partial update (PATCH) a field may be missing: fall back to the saved value.
        author = attrs.get("author", getattr(self.instance, "author", None))
        title = attrs.get("title", getattr(self.instance, "title", None))
        duplicates = Book.objects.filter(author=author, title__iexact=title)
        if self.instance is not None:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            # Not tied to one field: DRF reports it under "non_field_errors".
            raise serializers.ValidationError("This author already has a book with this title.")
        return attrs
    # --8<-- [end:validation]


# --8<-- [start:book_v2]
class BookV2Serializer(BookSerializer):
    """Version 2 renames ``published`` to ``published_on``: a breaking change for clients."""

    published_on = serializers.DateField(source="published")

    class Meta(BookSerializer.Meta):
        fields = [f for f in BookSerializer.Meta.fields if f != "published"] + ["published_on"]
# --8<-- [end:book_v2]


class ReviewSerializer(serializers.ModelSerializer):
    """A review; ``book`` is written and read as the book's primary key."""

    class Meta:
        model = Review
        fields = ["id", "book", "rating", "body", "created"]
        read_only_fields = ["created"]

    def validate_rating(self, value: int) -> int:
        """Give a readable 400 instead of a database constraint error (a 500)."""
        if not 1 <= value <= 5:
            raise serializers.ValidationError("A rating is from 1 to 5 stars.")
        return value


class ErrorSerializer(serializers.Serializer):
    """The shape of every error response (see ``api.exceptions``), for the OpenAPI schema."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
