"""Example payloads and a mock endpoint, for frontend teams to build against early.

The same ``BOOK_EXAMPLE`` feeds the OpenAPI schema (as an ``OpenApiExample``) and the mock
endpoint, and a test checks it has exactly the keys the real endpoint returns, so the
example cannot drift from the API it describes.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .exceptions import ConsistentErrorsMixin
from .serializers import BookSerializer

# --8<-- [start:example]
BOOK_EXAMPLE = {
    "id": 1,
    "title": "Designing Web APIs",
    "author": {"id": 1, "name": "Ada Lovelace"},
    "publisher": {"id": 1, "name": "Nexus Press"},
    "genres": [{"id": 1, "name": "Backend"}, {"id": 4, "name": "Python"}],
    "published": "2024-03-01",
    "price": "29.90",
}
# --8<-- [end:example]


# --8<-- [start:mock_view]
class MockBookView(ConsistentErrorsMixin, APIView):
    """A stand-in for GET /api/v1/books/{id}/ that needs no database: the documented example."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(responses=BookSerializer, summary="Mock: one book")
    def get(self, request: Request, pk: int, *args, **kwargs) -> Response:
        """Return the example book under the id the client asked for."""
        return Response({**BOOK_EXAMPLE, "id": pk})
# --8<-- [end:mock_view]
