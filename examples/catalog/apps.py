from django.apps import AppConfig


class CatalogConfig(AppConfig):
    """A small bookshop catalogue shared by the knowledge-core pages."""

    name = "catalog"
    verbose_name = "Catalog"
