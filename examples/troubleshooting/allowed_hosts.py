"""ALLOWED_HOSTS written into the settings (before) versus read from the environment (after).

The project's real settings (``config/settings.py``) read ``DJANGO_ALLOWED_HOSTS`` with a
default of local names, so tests and ``runserver`` need no setup. ``production_hosts``
shows the stricter form a production settings module uses: no default, so a deployment
that forgot the variable stops at start-up instead of answering 400 to every request.
"""

import environ


# --8<-- [start:before]
def hosts_before() -> list[str]:
    """ALLOWED_HOSTS as written on a laptop: only the names the laptop answers to."""
    return ["localhost", "127.0.0.1"]
# --8<-- [end:before]


# --8<-- [start:after]
env = environ.Env()


def production_hosts() -> list[str]:
    """The host names this deployment answers to, from a comma-separated variable.

    ``DJANGO_ALLOWED_HOSTS=api.example.com,localhost`` gives both names. Write it without
    spaces: django-environ keeps them, and ``" localhost"`` matches no Host header.

    Raises:
        ImproperlyConfigured: ``DJANGO_ALLOWED_HOSTS`` is not set.

    """
    return env.list("DJANGO_ALLOWED_HOSTS")  # no default: required
# --8<-- [end:after]
