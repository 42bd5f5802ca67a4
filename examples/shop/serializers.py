"""Serializers of the shop API."""

from rest_framework import serializers

from shop.models import Category, Product


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["id", "name", "slug", "parent"]


# --8<-- [start:product_serializer]
class ProductSerializer(serializers.ModelSerializer):
    # Read from the row the list query already joined (select_related), so no extra query.
    category_name = serializers.CharField(source="category.name", read_only=True)

    class Meta:
        model = Product
        fields = [
            "id", "name", "slug", "description", "price", "stock",
            "is_active", "created", "category", "category_name",
        ]
        read_only_fields = ["created"]
# --8<-- [end:product_serializer]
