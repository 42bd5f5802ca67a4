"""Query-string filters and ordering of the product list."""

from bad_input.filters import ColumnCheckedFilterSet
from django_filters import rest_framework as filters
from rest_framework.filters import OrderingFilter

from shop.models import Product


# --8<-- [start:filterset]
class ProductFilter(ColumnCheckedFilterSet):
    """``?category=3&min_price=10&max_price=50``: the columns of the composite index."""

    min_price = filters.NumberFilter(field_name="price", lookup_expr="gte")
    max_price = filters.NumberFilter(field_name="price", lookup_expr="lte")

    class Meta:
        model = Product
        fields = ["category", "min_price", "max_price"]
# --8<-- [end:filterset]


# --8<-- [start:stable_ordering]
class StableOrderingFilter(OrderingFilter):
    """``?ordering=price`` plus the primary key, so equal prices keep one order across pages."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if ordering and not {"id", "-id"} & set(ordering):
            ordering = [*ordering, "id"]
        return ordering
# --8<-- [end:stable_ordering]
