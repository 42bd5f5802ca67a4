"""Permissions of the security examples: view-level and object-level."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


# --8<-- [start:is_author]
class IsAuthorOrReadOnly(BasePermission):
    """Anyone may read a note; only the user who wrote it may change or delete it."""

    message = "Only the author of this note may change it."

    def has_permission(self, request, view):
        # View level, before any object is loaded: writing needs a logged-in user.
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        # Object level, called by get_object() for detail routes only.
        if request.method in SAFE_METHODS:
            return True
        return obj.author_id == request.user.id
# --8<-- [end:is_author]
