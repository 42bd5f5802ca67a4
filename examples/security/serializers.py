"""Serializers of the security examples: validation at the edge of the API."""

from rest_framework import serializers
from rest_framework_simplejwt.serializers import TokenRefreshSerializer

from security.models import BookNote


# --8<-- [start:note_serializer]
class BookNoteSerializer(serializers.ModelSerializer):
    """Validates input before it reaches the database; the author comes from the token."""

    author = serializers.ReadOnlyField(source="author.username")

    class Meta:
        model = BookNote
        fields = ["id", "book", "author", "body", "created"]
        read_only_fields = ["created"]

    def validate_body(self, value: str) -> str:
        """Reject notes that are blank once surrounding whitespace is removed."""
        value = value.strip()
        if len(value) < 3:
            raise serializers.ValidationError("A note needs at least 3 characters.")
        return value
# --8<-- [end:note_serializer]


# --8<-- [start:rotating_refresh]
class RotatingRefreshSerializer(TokenRefreshSerializer):
    """Refresh that always returns a new refresh token (a new jti, iat and exp).

    The project-wide switch is ``SIMPLE_JWT["ROTATE_REFRESH_TOKENS"]``; this subclass
    rotates for one view only, without changing settings.
    """

    def validate(self, attrs):
        data = super().validate(attrs)  # {"access": ...}, plus "refresh" if rotation is on
        if "refresh" not in data:
            refresh = self.token_class(attrs["refresh"])
            refresh.set_jti()
            refresh.set_exp()
            refresh.set_iat()
            data["refresh"] = str(refresh)
        return data
# --8<-- [end:rotating_refresh]
