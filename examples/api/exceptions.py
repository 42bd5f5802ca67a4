"""One error shape for the whole API.

DRF's default handler answers ``{"detail": "Not found."}`` for most errors but
``{"price": ["..."]}`` for validation errors, so a client needs two parsers. This handler
keeps DRF's status codes and headers and rewrites every body to the same four keys:

```json
{"status": 400, "code": "invalid", "message": "...", "errors": {"price": ["..."]}}
```
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .schema import ErrorAwareAutoSchema


# --8<-- [start:conflict]
class Conflict(exceptions.APIException):
    """409: the request is valid but clashes with the data, e.g. deleting a used author."""

    status_code = 409
    default_detail = "The request conflicts with the current state of the data."
    default_code = "conflict"
# --8<-- [end:conflict]


# --8<-- [start:handler]
def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    """Let DRF build the response, then give its body the API's one error shape.

    Args:
        exc: The exception a view raised.
        context: The view and request that raised it (``context["view"]``).

    Returns:
        The response to send, or ``None`` for an unexpected exception, which Django
        turns into a 500 (and logs) as usual.

    """
    # Django's own exceptions: convert them first so they get a DRF code too.
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)

    response = exception_handler(exc, context)
    if response is None:
        return None

    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        # serializer.ValidationError("...") in validate() gives a list, not a dict.
        errors = detail if isinstance(detail, dict) else {"non_field_errors": detail}
        code, message = "invalid", "The request data is invalid."
    else:
        errors = {}
        code, message = exc.get_codes(), str(exc.detail)

    response.data = {
        "status": response.status_code,
        "code": code,
        "message": message,
        "errors": errors,
    }
    return response
# --8<-- [end:handler]


# --8<-- [start:mixin]
class ConsistentErrorsMixin:
    """Use ``api_exception_handler`` in this view only, and document it in the schema.

    A project with a single API sets ``"EXCEPTION_HANDLER": "api.exceptions.api_exception_handler"``
    in ``REST_FRAMEWORK`` instead. The examples project hosts several APIs with their own
    conventions, so the bookshop API opts in view by view.
    """

    schema = ErrorAwareAutoSchema()

    def get_exception_handler(self):
        """Return the handler DRF calls when this view raises."""
        return api_exception_handler
# --8<-- [end:mixin]
