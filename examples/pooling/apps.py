from django.apps import AppConfig


class PoolingConfig(AppConfig):
    """Database connections: opened per request, kept, pooled, or behind PgBouncer."""

    name = "pooling"
