"""Query-string filters of the book list, declared with django-filter."""

import django_filters
from bad_input.filters import ColumnCheckedFilterSet
from catalog.models import Book
from rest_framework.filters import OrderingFilter


# --8<-- [start:book_filter]
class BookFilter(ColumnCheckedFilterSet):
    """``/api/v1/books/?genre=python&min_price=12&published_after=2022-01-01``."""

    genre = django_filters.CharFilter(field_name="genres__name", lookup_expr="iexact")
    author = django_filters.NumberFilter(field_name="author_id")
    min_price = django_filters.NumberFilter(field_name="price", lookup_expr="gte")
    max_price = django_filters.NumberFilter(field_name="price", lookup_expr="lte")
    published_after = django_filters.DateFilter(field_name="published", lookup_expr="gte")
    published_before = django_filters.DateFilter(field_name="published", lookup_expr="lte")

    class Meta:
        model = Book
        fields = ["genre", "author", "publisher"]
# --8<-- [end:book_filter]


# --8<-- [start:stable_ordering]
class StableOrderingFilter(OrderingFilter):
    """``OrderingFilter`` that breaks ties on the primary key.

    ``?ordering=price`` alone leaves books with the same price in no fixed order, so the
    database may return them differently for page 1 and page 2: one book shows twice and
    another never. Adding ``id`` as the last sort key makes every position unique.
    """

    def get_ordering(self, request, queryset, view):
        """The client's (allow-listed) ordering or the view's default, then ``id``."""
        ordering = super().get_ordering(request, queryset, view) or []
        if any(field.lstrip("-") in ("id", "pk") for field in ordering):
            return ordering
        return [*ordering, "id"]
# --8<-- [end:stable_ordering]
