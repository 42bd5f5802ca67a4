"""Secrets in settings: hard-coded in the source (before) versus read from the environment.

The project's real settings (``config/settings.py``) read every value with django-environ
and keep a harmless default for local use. ``production_settings`` shows the stricter
form a production settings module uses: no default, so a missing variable stops Django
at start-up with ``ImproperlyConfigured`` instead of running with a guessable key.
"""

from pathlib import Path

import environ


# --8<-- [start:before]
def settings_before() -> dict:
    """Settings with the secret written into the code: committed, shared, never rotated."""
    return {
        "SECRET_KEY": "django-insecure-committed-to-git-and-visible-to-everyone",
        "DEBUG": True,
        "DATABASES": {"default": {"ENGINE": "django.db.backends.postgresql",
                                  "PASSWORD": "postgres"}},
    }
# --8<-- [end:before]


# --8<-- [start:after]
env = environ.Env(DJANGO_DEBUG=(bool, False))  # variable name: (type, default)


def production_settings(env_file: Path | None = None) -> dict:
    """Settings read from environment variables, optionally loaded from a ``.env`` file.

    Args:
        env_file: A ``.env`` file for local development. Variables already set in the
            environment win over the file, so production never reads it.

    Returns:
        The settings this module would define.

    Raises:
        ImproperlyConfigured: ``DJANGO_SECRET_KEY`` or ``DATABASE_URL`` is not set.

    """
    if env_file is not None:
        environ.Env.read_env(env_file)
    return {
        "SECRET_KEY": env("DJANGO_SECRET_KEY"),  # no default: required
        "DEBUG": env("DJANGO_DEBUG"),
        "DATABASES": {"default": env.db("DATABASE_URL")},
    }
# --8<-- [end:after]
