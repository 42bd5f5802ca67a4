"""A book list that returns every row, and the same list paginated and filtered.

The views have no URL of their own: the tests call them through DRF's request factory,
and the real endpoint is ``/api/v1/books/`` (``api.views.BookViewSet``).
"""

from api.filters import BookFilter
from api.pagination import BookPagination
from api.serializers import BookSerializer
from catalog.models import Book
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics
from rest_framework.permissions import AllowAny


# --8<-- [start:unbounded]
class AllBooksList(generics.ListAPIView):
    """DON'T: every book in one response, and 3 extra queries per book for its relations."""

    queryset = Book.objects.all()
    serializer_class = BookSerializer
    pagination_class = None  # no page size: 100 000 books means 100 000 objects in memory
    permission_classes = [AllowAny]
# --8<-- [end:unbounded]


# --8<-- [start:paginated]
class PagedBooksList(generics.ListAPIView):
    """At most 50 books per response, filtered in SQL, with a constant number of queries."""

    queryset = Book.objects.select_related("author", "publisher").prefetch_related("genres")
    serializer_class = BookSerializer
    pagination_class = BookPagination  # ?page=2&page_size=20, capped at 50
    filter_backends = [DjangoFilterBackend]
    filterset_class = BookFilter  # ?genre=python&min_price=12
    ordering = ["title", "id"]  # a stable order, or pages can repeat or skip rows
    permission_classes = [AllowAny]

    def get_queryset(self):
        """The books in a unique, stable order, so every row lands on exactly one page."""
        return super().get_queryset().order_by(*self.ordering)
# --8<-- [end:paginated]
