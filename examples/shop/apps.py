from django.apps import AppConfig


class ShopConfig(AppConfig):
    """The e-commerce backend case study: categories, products and their API."""

    name = "shop"
    verbose_name = "Shop"
