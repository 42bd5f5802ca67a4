"""URL routes of the api app, mounted at ``/api/`` by ``config.urls``.

Everything lives under a version prefix read by ``URLPathVersioning``:

* ``/api/v1/books/``, ``/api/v2/books/``, ...: the resources, from a ``DefaultRouter``
* ``/api/v1/schema/``: that version's OpenAPI 3 document; ``/api/v1/docs/``: Swagger UI
* ``/api/mock/books/<id>/``: a mock endpoint serving the documented example
"""

from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from . import views
from .mock import MockBookView

# --8<-- [start:router]
router = DefaultRouter()
router.register("books", views.BookViewSet, basename="book")
router.register("reviews", views.ReviewViewSet, basename="review")
router.register("authors", views.AuthorViewSet, basename="author")
router.register("publishers", views.PublisherViewSet, basename="publisher")
router.register("genres", views.GenreViewSet, basename="genre")
# --8<-- [end:router]

# --8<-- [start:versioned_urls]
versioned = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI and Redoc, from drf-spectacular-sidecar's static files (no CDN). The split
    # view serves Swagger UI's start script as a file (?script), which the CSP requires.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema", template_name="api/redoc.html"),
         name="redoc"),
    *router.urls,
]

urlpatterns = [
    # URLPathVersioning reads the "version" group and checks it against ALLOWED_VERSIONS:
    # /api/v9/books/ matches here and gets DRF's 404 "Invalid version in URL path."
    re_path(r"^(?P<version>v[0-9]+)/", include(versioned)),
    path("mock/books/<int:pk>/", MockBookView.as_view(), name="mock-book"),
]
# --8<-- [end:versioned_urls]
