"""Views of the DRF-in-depth examples: generic views, viewsets, authentication, throttling.

Every view sets what it needs itself (authentication, permissions, throttles, no URL
versioning), so the project-wide REST_FRAMEWORK settings other apps use stay untouched.
"""

from catalog.models import Book
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import ensure_csrf_cookie
from rest_framework import generics, views, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import (
    AllowAny,
    IsAdminUser,
    IsAuthenticated,
    IsAuthenticatedOrReadOnly,
)
from rest_framework.response import Response
from rest_framework_simplejwt.authentication import JWTAuthentication

from .authentication import ApiTokenAuthentication
from .models import Shelf
from .permissions import IsOwner
from .serializers import AddBookSerializer, BookSerializer, PriceSerializer, ShelfSerializer
from .throttles import AnonThrottle, ScopedThrottle, UserThrottle


class Pages(PageNumberPagination):
    page_size = 5


class DepthMixin:
    """What every view here shares: no URL versioning, small pages, not in the OpenAPI schema."""

    versioning_class = None  # these URLs have no /v1/ part for the project's URLPathVersioning
    pagination_class = Pages
    filter_backends = []
    schema = None


# --8<-- [start:generic_views]
class BookListCreateView(DepthMixin, generics.ListCreateAPIView):
    """GET a page of books, POST a new one: one class, one URL."""

    queryset = Book.objects.order_by("title", "id")
    serializer_class = BookSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]


class BookDetailView(DepthMixin, generics.RetrieveUpdateDestroyAPIView):
    """GET, PUT, PATCH and DELETE one book: a second class, a second URL."""

    queryset = Book.objects.all()
    serializer_class = BookSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
# --8<-- [end:generic_views]


# --8<-- [start:book_viewset]
class BookViewSet(DepthMixin, viewsets.ReadOnlyModelViewSet):
    """list and retrieve for everyone, plus two extra actions."""

    queryset = Book.objects.order_by("title", "id")

    def get_permissions(self):
        # self.action is the name of the method the router picked: "list", "set_price", ...
        if self.action == "set_price":
            return [IsAdminUser()]
        return [AllowAny()]

    def get_serializer_class(self):
        if self.action == "set_price":
            return PriceSerializer
        return BookSerializer

    @action(detail=False)  # GET /books/cheapest/, URL name "book-cheapest"
    def cheapest(self, request, format=None):
        books = self.get_queryset().order_by("price", "id")[:3]
        return Response(self.get_serializer(books, many=True).data)

    @action(detail=True, methods=["post"], url_path="set-price")  # POST /books/{pk}/set-price/
    def set_price(self, request, pk=None, format=None):
        book = self.get_object()  # 404 for an unknown pk, and the object permissions
        serializer = self.get_serializer(book, data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(BookSerializer(book).data)
# --8<-- [end:book_viewset]


# --8<-- [start:shelf_viewset]
class ShelfViewSet(DepthMixin, viewsets.ModelViewSet):
    """A user's own shelves: the queryset and the object permission both check the owner."""

    serializer_class = ShelfSerializer
    permission_classes = [IsOwner]

    def get_queryset(self):
        # Lists never call has_object_permission: scope the rows here.
        return Shelf.objects.filter(owner=self.request.user).prefetch_related("books")

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    def get_serializer_class(self):
        if self.action == "add_book":
            return AddBookSerializer
        return ShelfSerializer

    @action(detail=True, methods=["post"], url_path="add-book")  # URL name "shelf-add-book"
    def add_book(self, request, pk=None, format=None):
        shelf = self.get_object()  # runs IsOwner.has_object_permission
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        shelf.books.add(serializer.validated_data["book"])
        return Response(ShelfSerializer(shelf).data)
# --8<-- [end:shelf_viewset]


# --8<-- [start:naive_shelf_viewset]
class NaiveShelfViewSet(DepthMixin, viewsets.ModelViewSet):
    """The same permission, two holes: an unscoped queryset and a lookup without get_object()."""

    queryset = Shelf.objects.all()  # every user's shelves
    serializer_class = ShelfSerializer
    permission_classes = [IsOwner]

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    @action(detail=True, methods=["post"])
    def rename(self, request, pk=None, format=None):
        # Bypasses get_object(): a 404 for an unknown id, but no object permission check.
        shelf = get_object_or_404(Shelf.objects.all(), pk=pk)
        serializer = ShelfSerializer(shelf, data=request.data)  # "name" is required
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)
# --8<-- [end:naive_shelf_viewset]


# --8<-- [start:auth_views]
class WhoAmI(DepthMixin, views.APIView):
    """Base: an endpoint only a logged-in user may call; subclasses pick the authentication."""

    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"username": request.user.username, "auth": type(request.auth).__name__})

    def post(self, request):
        return Response({"saved": True}, status=201)


class SessionWhoAmI(WhoAmI):
    """Browser clients: the session cookie, and CSRF checks on unsafe methods."""

    authentication_classes = [SessionAuthentication]

    @method_decorator(ensure_csrf_cookie)  # the GET also hands out the csrftoken cookie
    def get(self, request):
        return super().get(request)


class TokenWhoAmI(WhoAmI):
    """Opaque tokens in a database table: Authorization: Token <key>."""

    authentication_classes = [ApiTokenAuthentication]


class JWTWhoAmI(WhoAmI):
    """Signed JWTs from simplejwt: Authorization: Bearer <token>."""

    authentication_classes = [JWTAuthentication]


class SessionFirstWhoAmI(WhoAmI):
    """Both, session first: the first class decides between 401 and 403."""

    authentication_classes = [SessionAuthentication, ApiTokenAuthentication]
# --8<-- [end:auth_views]


# --8<-- [start:throttled_views]
class Ping(DepthMixin, views.APIView):
    """Anonymous clients only, three requests a minute per IP address."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AnonThrottle]

    def get(self, request):
        return Response({"pong": True})


class ThrottledBooks(DepthMixin, generics.ListAPIView):
    """Three a minute per IP anonymously, five a minute per user with a token."""

    queryset = Book.objects.order_by("title", "id")
    serializer_class = BookSerializer
    authentication_classes = [ApiTokenAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonThrottle, UserThrottle]


class Upload(Ping):
    """Scoped: its own budget of two a minute, per user (or per IP when anonymous)."""

    authentication_classes = [ApiTokenAuthentication]
    throttle_classes = [ScopedThrottle]
    throttle_scope = "uploads"


class Search(Upload):
    """Same throttle class, another scope, another budget."""

    throttle_scope = "search"
# --8<-- [end:throttled_views]


class Export(Upload):
    """A scope with no rate: ScopedRateThrottle raises ImproperlyConfigured (a 500)."""

    throttle_scope = "exports"


class DefaultThrottles(DepthMixin, views.APIView):
    """No throttle_classes of its own: DEFAULT_THROTTLE_CLASSES decide (none in this project)."""

    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"pong": True})
