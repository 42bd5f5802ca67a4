"""The stays API: properties, bookings, reviews and messages, with JWT authentication."""

from bad_input.filters import ColumnCheckedFilterSet
from config.schema import ErrorDetailSerializer
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django_filters import rest_framework as filters
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from shop.filters import StableOrderingFilter
from shop.views import Conflict, ShopViewSet

from stays.filters import PropertyFilter
from stays.models import Booking, Message, Property, Review
from stays.permissions import IsHostOrReadOnly, IsSender
from stays.serializers import (
    BookingSerializer,
    MessageSerializer,
    PropertySerializer,
    ReviewSerializer,
)
from stays.services import book, confirm


# --8<-- [start:base_viewset]
class StaysViewSet(ShopViewSet):
    """The shop's JWT-first authentication, pagination and error format, addressed by id."""

    lookup_field = "pk"
    permission_classes = [IsAuthenticated]
# --8<-- [end:base_viewset]


# --8<-- [start:property_viewset]
@extend_schema_view(destroy=extend_schema(responses={
    204: None,
    409: OpenApiResponse(ErrorDetailSerializer, description="The property has bookings."),
}))
class PropertyViewSet(StaysViewSet):
    """Properties: filter by location, price and free dates; only the host edits."""

    serializer_class = PropertySerializer
    permission_classes = [IsHostOrReadOnly]
    filter_backends = [DjangoFilterBackend, StableOrderingFilter]
    filterset_class = PropertyFilter
    ordering_fields = ["price_per_night", "created"]

    def get_queryset(self):
        return Property.objects.select_related("host")

    def perform_create(self, serializer):
        serializer.save(host=self.request.user)

    def perform_destroy(self, instance):
        try:
            instance.delete()
        except ProtectedError as error:
            raise Conflict("This property has bookings; it cannot be deleted.") from error
# --8<-- [end:property_viewset]


# --8<-- [start:booking_viewset]
@extend_schema_view(create=extend_schema(responses={
    201: BookingSerializer,
    409: OpenApiResponse(ErrorDetailSerializer, description="Some of the nights are booked."),
}))
class BookingViewSet(StaysViewSet):
    """Bookings the user made as a guest or received as a host."""

    serializer_class = BookingSerializer
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular, no user
            return Booking.objects.none()
        user = self.request.user
        return Booking.objects.select_related("property", "guest").filter(
            Q(guest=user) | Q(property__host=user)
        )

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = book(
            data["property"].pk, self.request.user, data["start_date"], data["end_date"]
        )
# --8<-- [end:booking_viewset]

    @extend_schema(request=None, responses={
        200: BookingSerializer,
        409: OpenApiResponse(ErrorDetailSerializer, description="It is no longer pending."),
    })
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None, format=None):
        """The host accepts a pending booking."""
        booking = self.get_object()
        if booking.property.host_id != request.user.pk:
            raise PermissionDenied("Only the host can confirm a booking.")
        return Response(self.get_serializer(confirm(booking)).data)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None, format=None):
        """The guest or the host cancels a booking; its nights become free again."""
        booking = self.get_object()
        booking.status = Booking.Status.CANCELED
        booking.save(update_fields=["status"])
        return Response(self.get_serializer(booking).data)


# --8<-- [start:review_viewset]
class ReviewViewSet(StaysViewSet):
    """Reviews: anyone reads; only a guest whose confirmed stay has ended may write one."""

    serializer_class = ReviewSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
    http_method_names = ["get", "post", "head", "options"]
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["property"]

    def get_queryset(self):
        return Review.objects.select_related("author")

    def perform_create(self, serializer):
        stayed = Booking.objects.filter(
            property=serializer.validated_data["property"],
            guest=self.request.user,
            status=Booking.Status.CONFIRMED,
            end_date__lte=timezone.localdate(),
        ).exists()
        if not stayed:
            raise PermissionDenied("Only guests with a past confirmed stay can review.")
        serializer.save()
# --8<-- [end:review_viewset]


# --8<-- [start:message_filter]
class MessageFilter(ColumnCheckedFilterSet):
    """``?user=7``: the conversation between the logged-in user and user 7."""

    # field_name: the value is a user id, checked like one (?user=1e30 is a 400).
    user = filters.NumberFilter(field_name="recipient", method="filter_conversation")

    class Meta:
        model = Message
        fields = ["user"]

    def filter_conversation(self, queryset, name, value):
        # Written as the two halves of the conversation, (me -> 7) OR (7 -> me): each half
        # is one narrow range of the (sender, recipient, sent_at) index.
        me = self.request.user
        return queryset.filter(Q(sender=me, recipient_id=value) | Q(sender_id=value, recipient=me))
# --8<-- [end:message_filter]


# --8<-- [start:message_viewset]
class MessageViewSet(StaysViewSet):
    """Private messages: other people's messages do not exist (404) for you."""

    serializer_class = MessageSerializer
    permission_classes = [IsAuthenticated, IsSender]
    http_method_names = ["get", "post", "delete", "head", "options"]
    filter_backends = [DjangoFilterBackend]
    filterset_class = MessageFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Message.objects.none()
        user = self.request.user
        return Message.objects.select_related("sender", "recipient").filter(
            Q(sender=user) | Q(recipient=user)
        )

    def perform_create(self, serializer):
        serializer.save(sender=self.request.user)
# --8<-- [end:message_viewset]
