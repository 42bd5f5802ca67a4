"""OpenAPI generation for the bookshop API: document the error shape on every operation."""

from drf_spectacular.openapi import AutoSchema

from .serializers import ErrorSerializer


# --8<-- [start:auto_schema]
class ErrorAwareAutoSchema(AutoSchema):
    """drf-spectacular's ``AutoSchema``, plus the error responses each operation can give.

    The success response stays automatic, so it follows ``get_serializer_class()`` and the
    API version; only the 400, 403 and 404 bodies (all ``ErrorSerializer``) are added.
    """

    def get_response_serializers(self):
        """Map status codes to serializers: the automatic success body plus errors."""
        success = super().get_response_serializers()
        if isinstance(success, dict):  # an @extend_schema(responses={...}) decided already
            return success
        if self.method == "DELETE":
            responses = {204: None}
        elif self.method == "POST":
            responses = {201: success}
        else:
            responses = {200: success}
        if self.method in ("POST", "PUT", "PATCH") or self._is_list_view(success):
            responses[400] = ErrorSerializer  # invalid body, or invalid filter value
        if self.method != "GET":
            responses[403] = ErrorSerializer  # not logged in
        if "{" in self.path:
            responses[404] = ErrorSerializer  # unknown id
        return responses
# --8<-- [end:auto_schema]
