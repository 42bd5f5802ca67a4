"""Serializers of the stays API."""

from django.utils import timezone
from rest_framework import serializers

from stays.models import Booking, Message, Property, Review, stay_problems


class PropertySerializer(serializers.ModelSerializer):
    host = serializers.CharField(source="host.username", read_only=True)

    class Meta:
        model = Property
        fields = ["id", "host", "title", "description", "location", "price_per_night", "created"]
        read_only_fields = ["created"]


# --8<-- [start:booking_serializer]
class BookingSerializer(serializers.ModelSerializer):
    guest = serializers.CharField(source="guest.username", read_only=True)
    property_title = serializers.CharField(source="property.title", read_only=True)

    class Meta:
        model = Booking
        fields = [
            "id", "property", "property_title", "guest", "start_date", "end_date",
            "total_price", "status", "created",
        ]
        read_only_fields = ["total_price", "status", "created"]

    def validate_start_date(self, value):
        if value < timezone.localdate():
            raise serializers.ValidationError("Check-in cannot be in the past.")
        return value

    def validate(self, attrs):
        # Check-out after check-in, at most MAX_NIGHTS nights (so total_price fits its
        # column), not the guest's own property. The database refuses check-out before
        # check-in and a total too large for its column too, but with a 500, not a 400.
        guest = self.context["request"].user
        problems = stay_problems(attrs["property"], guest, attrs["start_date"], attrs["end_date"])
        if problems:
            raise serializers.ValidationError(problems)
        return attrs
# --8<-- [end:booking_serializer]


class ReviewSerializer(serializers.ModelSerializer):
    # Hidden: taken from the request, yet part of the (property, author) unique check.
    author = serializers.HiddenField(default=serializers.CurrentUserDefault())
    author_name = serializers.CharField(source="author.username", read_only=True)

    class Meta:
        model = Review
        fields = ["id", "property", "author", "author_name", "rating", "comment", "created"]
        read_only_fields = ["created"]
        # The schema's component name; "Review" is the bookshop's (/api/v1/schema/ has both).
        ref_name = "PropertyReview"


class MessageSerializer(serializers.ModelSerializer):
    sender = serializers.CharField(source="sender.username", read_only=True)
    recipient_name = serializers.CharField(source="recipient.username", read_only=True)

    class Meta:
        model = Message
        fields = ["id", "sender", "recipient", "recipient_name", "body", "sent_at"]
        read_only_fields = ["sent_at"]

    def validate_recipient(self, value):
        if value == self.context["request"].user:
            raise serializers.ValidationError("You cannot send a message to yourself.")
        return value
