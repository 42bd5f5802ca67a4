"""Permissions of the shop API."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


# --8<-- [start:permission]
class IsAdminOrReadOnly(BasePermission):
    """Anyone may read; only staff users may create, change or delete."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_staff)
# --8<-- [end:permission]
