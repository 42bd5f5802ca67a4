"""URL routes of the stays app, mounted under /stays/."""

from config.token_views import ThrottledTokenObtainPairView, ThrottledTokenRefreshView
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from stays.views import BookingViewSet, MessageViewSet, PropertyViewSet, ReviewViewSet

app_name = "stays"

router = DefaultRouter()
router.register("properties", PropertyViewSet, basename="property")
router.register("bookings", BookingViewSet, basename="booking")
router.register("reviews", ReviewViewSet, basename="review")
router.register("messages", MessageViewSet, basename="message")

api_patterns = [
    path("token/", ThrottledTokenObtainPairView.as_view(), name="token-obtain"),
    path("token/refresh/", ThrottledTokenRefreshView.as_view(), name="token-refresh"),
    path("", include(router.urls)),
]

urlpatterns = [
    path("api/", include(api_patterns)),
    path(
        "api/schema/",
        SpectacularAPIView.as_view(
            patterns=[path("stays/api/", include(api_patterns))],
            custom_settings={"TITLE": "Stays API", "VERSION": "1.0.0"},
        ),
        name="schema",
    ),
    # Swagger UI and Redoc from drf-spectacular-sidecar's files (see api/urls.py).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="stays:schema"),
         name="docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="stays:schema",
                                                    template_name="api/redoc.html"),
         name="redoc"),
]
