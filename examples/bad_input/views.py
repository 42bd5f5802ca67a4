"""The project's 404 handler: JSON for API clients, Django's page for browsers."""

from api.exceptions import api_exception_handler
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.defaults import page_not_found
from rest_framework.exceptions import NotFound

# The bookshop API, mounted here by config/urls.py, documents one error shape for every
# error (api.exceptions): its 404s keep it when no URL pattern matched either.
BOOKSHOP_PREFIX = "/api/"


# --8<-- [start:not_found]
def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """``handler404``: ``{"detail": "Not found."}``, unless the client prefers HTML.

    Django calls it for a URL that matches no pattern (``/tasks/reports/abc/`` against
    ``<int:pk>``) and for an ``Http404`` from a plain Django view; DRF views answer their
    own. Only with ``DEBUG`` off: with ``DEBUG`` on Django shows its technical page.
    """
    if request.get_preferred_type(["application/json", "text/html"]) == "text/html":
        return page_not_found(request, exception)  # a browser: Django's HTML page
    if request.path_info.startswith(BOOKSHOP_PREFIX):
        body = api_exception_handler(NotFound(), {}).data  # {"status": 404, "code": ...}
        return JsonResponse(body, status=404)
    return JsonResponse({"detail": "Not found."}, status=404)
# --8<-- [end:not_found]
