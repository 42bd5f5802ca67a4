"""URL routes of the audiobooks app, mounted under /audiobooks/."""

from config.token_views import ThrottledTokenObtainPairView, ThrottledTokenRefreshView
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from audiobooks.views import AudiobookViewSet, ContinueListeningView, LibraryView

app_name = "audiobooks"

router = DefaultRouter()
router.register("books", AudiobookViewSet, basename="audiobook")

# --8<-- [start:urls]
api_patterns = [
    path("token/", ThrottledTokenObtainPairView.as_view(), name="token-obtain"),
    path("token/refresh/", ThrottledTokenRefreshView.as_view(), name="token-refresh"),
    path("library/", LibraryView.as_view(), name="library"),
    path("continue-listening/", ContinueListeningView.as_view(), name="continue-listening"),
    path("", include(router.urls)),
]

urlpatterns = [
    path("api/", include(api_patterns)),
    path(
        "api/schema/",
        SpectacularAPIView.as_view(
            patterns=[path("audiobooks/api/", include(api_patterns))],
            custom_settings={"TITLE": "Audiobook platform API", "VERSION": "1.0.0"},
        ),
        name="schema",
    ),
    # Swagger UI and Redoc from drf-spectacular-sidecar's files (see api/urls.py).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="audiobooks:schema"),
         name="docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="audiobooks:schema",
                                                    template_name="api/redoc.html"),
         name="redoc"),
]
# --8<-- [end:urls]
