"""URL configuration of the examples project: one prefix per example app."""

from django.contrib import admin
from django.urls import include, path

# --8<-- [start:urlpatterns]
urlpatterns = [
    path("", include("deploy.urls")),  # /healthz and /readyz for container probes
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("api-depth/", include("api_depth.urls")),
    path("graphql/", include("graphql_api.urls")),
    path("schema-design/", include("schema_design.urls")),
    path("tasks/", include("tasks.urls")),
    path("security/", include("security.urls")),
    path("troubleshooting/", include("troubleshooting.urls")),
    path("shop/", include("shop.urls")),
    path("stays/", include("stays.urls")),
    path("audiobooks/", include("audiobooks.urls")),
]
# --8<-- [end:urlpatterns]

# A URL no pattern matches gets JSON, unless the client prefers HTML (a browser).
handler404 = "bad_input.views.not_found"
