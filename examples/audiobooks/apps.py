from django.apps import AppConfig


class AudiobooksConfig(AppConfig):
    name = "audiobooks"
    verbose_name = "Audiobook platform"

    def ready(self):
        """Connect the signal handlers that invalidate the cached catalogue."""
        from audiobooks import cache  # noqa: F401
