"""The audiobook API: a cached public catalogue, purchases, progress and "continue listening"."""

from bad_input.lookups import ValidLookupMixin
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status, views, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework_simplejwt.authentication import JWTAuthentication
from shop.filters import StableOrderingFilter
from shop.views import Conflict, ShopPagination

from audiobooks.cache import cached_response
from audiobooks.filters import AudiobookFilter
from audiobooks.models import Audiobook, Author, ListeningProgress, Purchase
from audiobooks.permissions import OwnsAudiobook
from audiobooks.serializers import (
    AudiobookDetailSerializer,
    AudiobookListSerializer,
    ProgressInputSerializer,
    ProgressSerializer,
    PurchaseSerializer,
)
from audiobooks.tasks import send_purchase_receipt


# --8<-- [start:base]
class AudiobookAPIMixin(ValidLookupMixin):
    """Settings every endpoint of the app shares, whatever REST_FRAMEWORK says globally."""

    # JWT first, so "not logged in" is a 401 with WWW-Authenticate: Bearer (as in the shop).
    authentication_classes = [JWTAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    # No ?ordering= unless a view says so: "continue listening" is a sliced query.
    filter_backends = []
    versioning_class = None

    def get_exception_handler(self):
        return views.exception_handler
# --8<-- [end:base]


# --8<-- [start:catalogue]
class AudiobookViewSet(AudiobookAPIMixin, viewsets.ReadOnlyModelViewSet):
    """The public catalogue, served from the cache; buying and progress for logged-in users."""

    permission_classes = [AllowAny]
    pagination_class = ShopPagination  # ?page=2&page_size=20, reused from the shop
    filter_backends = [DjangoFilterBackend, StableOrderingFilter]
    filterset_class = AudiobookFilter
    ordering_fields = ["title", "price", "published", "duration_seconds"]
    lookup_field = "slug"

    def get_queryset(self):
        books = Audiobook.objects.select_related("narrator").prefetch_related(
            Prefetch("authors", queryset=Author.objects.order_by("name"))
        )
        if self.action == "retrieve":
            books = books.prefetch_related("chapters").annotate(
                average_rating=Avg("reviews__rating"), review_count=Count("reviews")
            )
        return books

    def get_serializer_class(self):
        if self.action == "list":
            return AudiobookListSerializer
        return AudiobookDetailSerializer

    def list(self, request, *args, **kwargs):
        return cached_response(
            request.build_absolute_uri(), lambda: super(AudiobookViewSet, self).list(request)
        )

    def retrieve(self, request, *args, **kwargs):
        return cached_response(
            request.build_absolute_uri(),
            lambda: super(AudiobookViewSet, self).retrieve(request, *args, **kwargs),
        )
# --8<-- [end:catalogue]

    # --8<-- [start:purchase]
    @extend_schema(
        request=None,
        responses={
            201: PurchaseSerializer,
            409: OpenApiResponse(description="The user already owns this audiobook."),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def purchase(self, request, slug=None, format=None):
        """Buy the audiobook; the receipt e-mail is sent by a Celery worker."""
        audiobook = self.get_object()
        if Purchase.objects.filter(user=request.user, audiobook=audiobook).exists():
            raise Conflict("You already own this audiobook.")
        try:
            with transaction.atomic():
                purchase = Purchase.objects.create(
                    user=request.user, audiobook=audiobook, price_paid=audiobook.price
                )
        except IntegrityError as error:  # a second request won the race to the unique row
            raise Conflict("You already own this audiobook.") from error
        # Queue the task only once the row is committed, or the worker may not find it.
        send_purchase_receipt.delay_on_commit(purchase.pk)
        return Response(PurchaseSerializer(purchase).data, status=status.HTTP_201_CREATED)
    # --8<-- [end:purchase]

    # --8<-- [start:progress]
    @extend_schema(
        request=ProgressInputSerializer,
        responses={200: ProgressSerializer, 201: ProgressSerializer},
    )
    @action(detail=True, methods=["put"], permission_classes=[IsAuthenticated, OwnsAudiobook])
    def progress(self, request, slug=None, format=None):
        """Save where the user stopped: one row per user and book, created or overwritten."""
        audiobook = self.get_object()  # runs OwnsAudiobook: 403 for users who did not buy it
        data = ProgressInputSerializer(data=request.data, context={"audiobook": audiobook})
        data.is_valid(raise_exception=True)
        progress, created = ListeningProgress.objects.update_or_create(
            user=request.user, audiobook=audiobook, defaults=data.validated_data
        )
        return Response(
            ProgressSerializer(progress).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
    # --8<-- [end:progress]


class LibraryView(AudiobookAPIMixin, generics.ListAPIView):
    """The audiobooks the user owns, most recent purchase first."""

    serializer_class = PurchaseSerializer
    pagination_class = ShopPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular, no user
            return Purchase.objects.none()
        return Purchase.objects.filter(user=self.request.user).select_related("audiobook")


# --8<-- [start:continue_listening]
class ContinueListeningView(AudiobookAPIMixin, generics.ListAPIView):
    """The books the user listened to most recently, with where they stopped."""

    serializer_class = ProgressSerializer
    pagination_class = None
    limit = 5

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular, no user
            return ListeningProgress.objects.none()
        return (
            ListeningProgress.objects.filter(user=self.request.user)
            .select_related("audiobook", "chapter")
            .order_by("-updated", "-id")[: self.limit]
        )
# --8<-- [end:continue_listening]
