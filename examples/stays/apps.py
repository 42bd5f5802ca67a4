from django.apps import AppConfig


class StaysConfig(AppConfig):
    """The Airbnb clone case study: properties, bookings, payments, reviews and messages."""

    name = "stays"
    verbose_name = "Stays"
