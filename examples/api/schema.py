"""OpenAPI generation for the bookshop API: its one error shape on every error response."""

from config.schema import ProjectAutoSchema

from .serializers import ErrorSerializer


# --8<-- [start:auto_schema]
class ErrorAwareAutoSchema(ProjectAutoSchema):
    """The project's ``AutoSchema`` (config/schema.py), with the bookshop's error body.

    The success response stays automatic, so it follows ``get_serializer_class()`` and the
    API version; every error it documents (400, 403, 404, ...) gets ``ErrorSerializer``,
    the shape ``api_exception_handler`` gives them all.
    """

    error_body = ErrorSerializer
    validation_error_body = ErrorSerializer
# --8<-- [end:auto_schema]
