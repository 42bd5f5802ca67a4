from django.apps import AppConfig


class MigrationsDemoConfig(AppConfig):
    """Migrations that production can live with: data migrations, expand and contract."""

    name = "migrations_demo"
    default_auto_field = "django.db.models.BigAutoField"
