"""Permissions of the audiobook API."""

from rest_framework.permissions import BasePermission

from audiobooks.models import Purchase


# --8<-- [start:owns_audiobook]
class OwnsAudiobook(BasePermission):
    """Only a user who bought the audiobook may act on it (save progress, for example)."""

    message = "You do not own this audiobook."

    def has_object_permission(self, request, view, obj):
        return Purchase.objects.filter(user=request.user, audiobook=obj).exists()
# --8<-- [end:owns_audiobook]
