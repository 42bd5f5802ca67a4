"""The bookshop API's views: one ``ModelViewSet`` per resource.

A ``ModelViewSet`` provides list, create, retrieve, update, partial update and destroy;
a router (see ``api.urls``) turns it into URLs. What each viewset adds is the part that
differs: the queryset (with its joins), the serializer per version, and the list options.
"""

from catalog.models import Author, Book, Genre, Publisher, Review
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.filters import SearchFilter
from rest_framework.permissions import IsAuthenticatedOrReadOnly

from .exceptions import Conflict, ConsistentErrorsMixin
from .filters import BookFilter, StableOrderingFilter
from .mock import BOOK_EXAMPLE
from .pagination import BookPagination, ReviewCursorPagination
from .serializers import (
    AuthorSerializer,
    BookSerializer,
    BookV2Serializer,
    ErrorSerializer,
    GenreSerializer,
    PublisherSerializer,
    ReviewSerializer,
)

# ProtectedDeleteMixin's 409, for the schema (the other errors come from ErrorAwareAutoSchema).
STILL_HAS_BOOKS = extend_schema(responses={
    204: None,
    409: OpenApiResponse(ErrorSerializer, description="Books still refer to it."),
})


# --8<-- [start:book_viewset]
@extend_schema_view(
    list=extend_schema(summary="List books", description="Filter, search, order, paginate."),
    create=[
        extend_schema(summary="Add a book"),
        # The example has v1's field names, so it belongs to the v1 schema only.
        extend_schema(
            examples=[OpenApiExample("A book", value=BOOK_EXAMPLE, response_only=True)],
            versions=["v1"],
        ),
    ],
    retrieve=extend_schema(summary="One book"),
)
class BookViewSet(ConsistentErrorsMixin, viewsets.ModelViewSet):
    """The catalogue's books: anyone may read them, logged-in users may change them."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    # --8<-- [start:list_options]
    pagination_class = BookPagination
    filter_backends = [DjangoFilterBackend, SearchFilter, StableOrderingFilter]
    filterset_class = BookFilter  # ?genre=...&min_price=...
    search_fields = ["title", "author__name"]  # ?search=...
    ordering_fields = ["title", "price", "published"]  # the allow-list for ?ordering=
    ordering = ["title"]  # when the client sends no ?ordering=
    # --8<-- [end:list_options]

    def get_queryset(self):
        """One query for books with author and publisher (JOIN), one for all their genres."""
        return Book.objects.select_related("author", "publisher").prefetch_related("genres")

    def get_serializer_class(self):
        """The serializer for the version in the URL: ``/api/v2/`` renames a field."""
        if self.request.version == "v2":
            return BookV2Serializer
        return BookSerializer
# --8<-- [end:book_viewset]


class ReviewViewSet(ConsistentErrorsMixin, viewsets.ModelViewSet):
    """Readers' reviews, newest first, paginated with a cursor."""

    queryset = Review.objects.all()
    serializer_class = ReviewSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
    pagination_class = ReviewCursorPagination
    filterset_fields = ["book", "rating"]
    # No OrderingFilter: the cursor needs its own fixed, unique ordering.
    filter_backends = [DjangoFilterBackend]


# --8<-- [start:protected_delete]
class ProtectedDeleteMixin:
    """Answer a 409 Conflict, not a 500, when books still point to the row."""

    def perform_destroy(self, instance):
        """Delete the row, or raise ``Conflict`` when a book still refers to it.

        ``on_delete=PROTECT`` is checked by Django, with a SELECT before the DELETE. A book
        another request adds in between is caught by the database's foreign key instead,
        as an ``IntegrityError`` (at the DELETE on MySQL, at the commit on PostgreSQL and
        SQLite, whose foreign keys Django creates deferred): both become a 409. The commit
        happens at the end of the ``atomic`` block unless an outer transaction is open
        (``ATOMIC_REQUESTS``), in which case the error comes after the view, as a 500.
        """
        message = f"{instance} still has books; delete or move them first."
        try:
            with transaction.atomic():
                instance.delete()
        except (ProtectedError, IntegrityError) as exc:
            raise Conflict(message) from exc
# --8<-- [end:protected_delete]


@extend_schema_view(destroy=STILL_HAS_BOOKS)
class AuthorViewSet(ConsistentErrorsMixin, ProtectedDeleteMixin, viewsets.ModelViewSet):
    """The people who write the books."""

    queryset = Author.objects.all()
    serializer_class = AuthorSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]


@extend_schema_view(destroy=STILL_HAS_BOOKS)
class PublisherViewSet(ConsistentErrorsMixin, ProtectedDeleteMixin, viewsets.ModelViewSet):
    """The companies that publish the books."""

    queryset = Publisher.objects.all()
    serializer_class = PublisherSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]


class GenreViewSet(ConsistentErrorsMixin, viewsets.ModelViewSet):
    """The categories a book can belong to."""

    queryset = Genre.objects.all()
    serializer_class = GenreSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
