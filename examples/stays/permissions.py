"""Object-level permissions of the stays API."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


# --8<-- [start:is_host]
class IsHostOrReadOnly(BasePermission):
    """Anyone reads; a logged-in user may list a property; only its host may change it."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        # Runs on detail routes only, after has_permission, with the row already loaded.
        if request.method in SAFE_METHODS:
            return True
        return obj.host_id == request.user.pk
# --8<-- [end:is_host]


class IsSender(BasePermission):
    """Both people in a conversation may read a message; only its sender may delete it."""

    message = "Only the sender can delete a message."

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        return obj.sender_id == request.user.pk
