"""OpenAPI generation for every API of the project: who may call an operation, and its errors.

drf-spectacular's ``AutoSchema`` documents the success response and the authentication
schemes. It marks an operation as open to anonymous callers only for DRF's own
``AllowAny`` and ``IsAuthenticatedOrReadOnly``, and it documents no error at all. This
subclass (``DEFAULT_SCHEMA_CLASS`` in config/settings.py) asks the view itself instead: its
permission classes, first authenticator, paginator, filters and throttles decide which of
400, 401, 403, 404 and 429 an operation can answer. Errors only one view raises, such as a
409, are declared on that view with ``@extend_schema(responses=...)``; they are kept.
"""

from django.contrib.auth.models import AnonymousUser
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory


class ErrorDetailSerializer(serializers.Serializer):
    """DRF's body for every error except a validation error: ``{"detail": "..."}``."""

    detail = serializers.CharField()


# A validation error names the fields: {"price": ["..."]} or {"non_field_errors": ["..."]}.
VALIDATION_ERRORS = {
    "type": "object",
    "additionalProperties": {},
    "description": "Field name (or non_field_errors) to its error messages",
}


# --8<-- [start:project_auto_schema]
class ProjectAutoSchema(AutoSchema):
    """``AutoSchema``, plus anonymous access where the permissions allow it, plus the errors."""

    error_body = ErrorDetailSerializer  # 401, 403, 404, 429
    validation_error_body = VALIDATION_ERRORS  # 400

    def get_auth(self):
        """The security requirements; ``{}`` (no credentials) if anonymous callers pass."""
        auths = super().get_auth()
        if {} not in auths and self.anonymous_may_call():
            auths.append({})
        return auths

    def _get_response_bodies(self, direction="response"):
        """The responses drf-spectacular found, plus every error this view can give.

        ``_get_response_bodies`` is private, but the public ``get_response_serializers`` is
        replaced outright by ``@extend_schema(responses=...)``, which would drop the errors.
        """
        responses = super()._get_response_bodies(direction)
        for code, body in self.error_responses(is_list=self._is_list_view()).items():
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(body, str(code),
                                                                   direction=direction)
        return responses

    def error_responses(self, is_list: bool) -> dict:
        """Status code to body, for each error the view's own classes can produce."""
        errors = {}
        has_body = self.method in ("POST", "PUT", "PATCH") and self.get_request_serializer()
        if has_body or (is_list and self.filters_can_reject()):
            errors[400] = self.validation_error_body  # invalid body or filter value
        if self.view.get_authenticate_header(self.view.request):
            errors[401] = self.error_body  # missing, expired or forged credentials
        if not self.anonymous_may_call():
            errors[403] = self.error_body  # a permission said no
        if "{" in self.path or (is_list and getattr(self.view, "pagination_class", None)):
            errors[404] = self.error_body  # unknown id, a page past the last, a bad cursor
        if self.view.get_throttles():
            errors[429] = self.error_body  # throttled
        return errors
# --8<-- [end:project_auto_schema]

    def anonymous_may_call(self) -> bool:
        """Whether every permission class lets an anonymous request with this method in."""
        request = Request(APIRequestFactory().generic(self.method, self.path))
        request.user = AnonymousUser()
        return all(
            permission.has_permission(request, self.view)
            for permission in self.view.get_permissions()
        )

    def filters_can_reject(self) -> bool:
        """django-filter answers 400 for a value its filter cannot parse (``?min_price=x``)."""
        has_filterset = getattr(self.view, "filterset_class", None) or getattr(
            self.view, "filterset_fields", None
        )
        return bool(has_filterset) and any(
            issubclass(backend, DjangoFilterBackend)
            for backend in getattr(self.view, "filter_backends", [])
        )
