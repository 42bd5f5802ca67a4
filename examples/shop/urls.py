"""URL routes of the shop app, mounted under /shop/."""

from config.token_views import ThrottledTokenObtainPairView, ThrottledTokenRefreshView
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from shop.views import CategoryViewSet, ProductViewSet

app_name = "shop"

router = DefaultRouter()
router.register("products", ProductViewSet, basename="product")
router.register("categories", CategoryViewSet, basename="category")

# --8<-- [start:urls]
api_patterns = [
    path("token/", ThrottledTokenObtainPairView.as_view(), name="token-obtain"),
    path("token/refresh/", ThrottledTokenRefreshView.as_view(), name="token-refresh"),
    path("", include(router.urls)),
]

urlpatterns = [
    path("api/", include(api_patterns)),
    # The schema of the shop's endpoints only, with their full /shop/api/ paths.
    path(
        "api/schema/",
        SpectacularAPIView.as_view(
            patterns=[path("shop/api/", include(api_patterns))],
            custom_settings={"TITLE": "Shop API", "VERSION": "1.0.0"},
        ),
        name="schema",
    ),
    # Swagger UI and Redoc from drf-spectacular-sidecar's files (see api/urls.py).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="shop:schema"),
         name="docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="shop:schema",
                                                    template_name="api/redoc.html"),
         name="redoc"),
]
# --8<-- [end:urls]
