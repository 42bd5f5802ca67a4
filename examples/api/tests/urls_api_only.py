"""A URLconf with only the bookshop API, so its schema check ignores the other example apps."""

from django.urls import include, path

urlpatterns = [path("api/", include("api.urls"))]
