"""A minimal CORS middleware, to show what the browser needs to see in a response.

In a real project use django-cors-headers, which also handles credentials, regexes of
origins and exposed headers. This class exists so the tests can show the headers at work.
"""

from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import patch_vary_headers


# --8<-- [start:api_view]
def book_count(request: HttpRequest) -> JsonResponse:
    """A JSON endpoint a frontend on another origin wants to call."""
    return JsonResponse({"books": 20})
# --8<-- [end:api_view]


# --8<-- [start:middleware]
class AllowedOriginsCorsMiddleware:
    """Add CORS headers for an allow-list of origins and answer preflight requests."""

    def __init__(
        self,
        get_response: Callable[[HttpRequest], HttpResponse],
        allowed_origins: Iterable[str] = ("http://localhost:5173",),
    ) -> None:
        self.get_response = get_response
        self.allowed_origins = set(allowed_origins)  # exact scheme://host:port, no paths

    def __call__(self, request: HttpRequest) -> HttpResponse:
        origin = request.headers.get("Origin")
        allowed = origin in self.allowed_origins
        preflight = (
            request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
        )
        if allowed and preflight:
            # The browser asks before a PUT, a DELETE or a JSON POST: say yes without
            # running the view.
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE"
            response["Access-Control-Allow-Headers"] = "authorization, content-type"
            response["Access-Control-Max-Age"] = "600"  # cache this answer for 10 minutes
        else:
            response = self.get_response(request)
        if allowed:
            response["Access-Control-Allow-Origin"] = origin
        patch_vary_headers(response, ["Origin"])  # caches must not mix origins' answers
        return response
# --8<-- [end:middleware]
