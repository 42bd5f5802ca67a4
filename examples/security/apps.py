from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Authentication, authorization and web-security basics, shown on the bookshop catalog."""

    name = "security"
    verbose_name = "Security"
