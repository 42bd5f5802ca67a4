from django.apps import AppConfig


class TasksConfig(AppConfig):
    """Background work (Celery), caching and async examples."""

    name = "tasks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Connect the cache-invalidation signal handlers."""
        from . import caching  # noqa: F401
