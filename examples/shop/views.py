"""The shop API: products and categories, public reads and admin-only writes."""

from bad_input.lookups import ValidLookupMixin
from config.schema import ErrorDetailSerializer
from django.db.models import ProtectedError
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, views, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import APIException
from rest_framework.pagination import PageNumberPagination
from rest_framework_simplejwt.authentication import JWTAuthentication

from shop.filters import ProductFilter, StableOrderingFilter
from shop.models import Category, Product
from shop.permissions import IsAdminOrReadOnly
from shop.serializers import CategorySerializer, ProductSerializer


class ShopPagination(PageNumberPagination):
    """``?page=2&page_size=20``, with ``next`` and ``previous`` links in every page."""

    page_size = 10
    page_size_query_param = "page_size"
    max_page_size = 100


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "This object is still referenced and cannot be deleted."
    default_code = "conflict"


# --8<-- [start:base_viewset]
class ShopViewSet(ValidLookupMixin, viewsets.ModelViewSet):
    """Settings every shop endpoint shares, declared on the views instead of in settings.py.

    ``ValidLookupMixin``: a slug no row can hold (``a%00b``) is a 404, not a database error.
    """

    # JWT first: its "WWW-Authenticate: Bearer" header turns "not logged in" into a 401.
    authentication_classes = [JWTAuthentication, SessionAuthentication]
    permission_classes = [IsAdminOrReadOnly]
    pagination_class = ShopPagination
    filter_backends = []
    versioning_class = None
    lookup_field = "slug"

    def get_exception_handler(self):
        # DRF's own error bodies ({"detail": ...} and {"field": [...]}), whatever the
        # project-wide REST_FRAMEWORK["EXCEPTION_HANDLER"] says.
        return views.exception_handler
# --8<-- [end:base_viewset]


# --8<-- [start:product_viewset]
class ProductViewSet(ShopViewSet):
    """Products: filter by category and price range, order by price or creation date."""

    serializer_class = ProductSerializer
    filter_backends = [DjangoFilterBackend, StableOrderingFilter]
    filterset_class = ProductFilter
    ordering_fields = ["price", "created"]

    def get_queryset(self):
        products = Product.objects.select_related("category")
        if not self.request.user.is_staff:
            products = products.filter(is_active=True)
        return products

    def perform_destroy(self, instance):
        # Soft delete: orders and reports may still point at the row, so only hide it.
        instance.is_active = False
        instance.save(update_fields=["is_active"])
# --8<-- [end:product_viewset]


@extend_schema_view(destroy=extend_schema(responses={
    204: None,
    409: OpenApiResponse(ErrorDetailSerializer, description="It has products or subcategories."),
}))
class CategoryViewSet(ShopViewSet):
    """Categories, with their parent's id; a category that still has products stays."""

    queryset = Category.objects.all()
    serializer_class = CategorySerializer

    def perform_destroy(self, instance):
        try:
            instance.delete()
        except ProtectedError as error:
            raise Conflict(
                "This category still has products or subcategories; move them first."
            ) from error
