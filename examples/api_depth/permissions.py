"""Permissions of the DRF-in-depth examples."""

from rest_framework.permissions import BasePermission


# --8<-- [start:is_owner]
class IsOwner(BasePermission):
    """Only the shelf's owner may read or change it."""

    message = "This shelf belongs to another user."

    def has_permission(self, request, view):
        # Every request, before any object is loaded.
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        # Only when the view calls self.get_object() (retrieve, update, destroy, detail actions).
        return obj.owner_id == request.user.id
# --8<-- [end:is_owner]
