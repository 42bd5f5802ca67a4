from django.apps import AppConfig


class ApiDepthConfig(AppConfig):
    """DRF in depth: generic views, viewsets, routers, permissions, authentication, throttling."""

    name = "api_depth"
    verbose_name = "DRF in depth"
