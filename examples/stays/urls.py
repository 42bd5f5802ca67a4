"""URL routes of the stays app, mounted under /stays/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from stays.views import BookingViewSet, MessageViewSet, PropertyViewSet, ReviewViewSet

app_name = "stays"

router = DefaultRouter()
router.register("properties", PropertyViewSet, basename="property")
router.register("bookings", BookingViewSet, basename="booking")
router.register("reviews", ReviewViewSet, basename="review")
router.register("messages", MessageViewSet, basename="message")

api_patterns = [
    path("token/", TokenObtainPairView.as_view(), name="token-obtain"),
    path("token/refresh/", TokenRefreshView.as_view(), name="token-refresh"),
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
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="stays:schema"), name="docs"),
]
