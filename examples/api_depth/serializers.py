"""Serializers of the DRF-in-depth examples, over the catalog's books and the app's shelves."""

from catalog.models import Book
from rest_framework import serializers

from .models import Shelf


class BookSerializer(serializers.ModelSerializer):
    """A flat book: relations as primary keys, so one serializer reads and writes."""

    class Meta:
        model = Book
        fields = ["id", "title", "author", "publisher", "published", "price"]


class PriceSerializer(serializers.ModelSerializer):
    """The input of the ``set-price`` action: only the price may change there."""

    class Meta:
        model = Book
        fields = ["price"]

    def validate_price(self, value):
        if value <= 0:
            raise serializers.ValidationError("A price must be positive.")
        return value


class ShelfSerializer(serializers.ModelSerializer):
    """A shelf; its owner is the requesting user, never a field the client sends."""

    owner = serializers.ReadOnlyField(source="owner.username")

    class Meta:
        model = Shelf
        fields = ["id", "name", "owner", "books"]
        read_only_fields = ["books"]


class AddBookSerializer(serializers.Serializer):
    """The input of the ``add-book`` action: one existing book."""

    book = serializers.PrimaryKeyRelatedField(queryset=Book.objects.all())
