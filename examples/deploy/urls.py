"""URL patterns of the health endpoints, for ``include("deploy.urls")`` in the root URLconf."""

# --8<-- [start:urls]
from django.urls import path

from .health import healthz, readyz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]
# --8<-- [end:urls]
