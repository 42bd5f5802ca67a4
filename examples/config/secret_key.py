"""The committed SECRET_KEY is public: a server with DEBUG off refuses to start with it.

Anyone who reads the repository can sign a session cookie or a JWT for any user with that
key (``security/tests/test_forged_token.py`` does it). Every way of serving the examples
builds its application in ``config/wsgi.py`` or ``config/asgi.py`` (``runserver`` too, through
``WSGI_APPLICATION``), and both call ``refuse_the_committed_key()`` first. Commands such as
``migrate`` or ``seed_all`` answer no requests and keep working with it.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# The default of DJANGO_SECRET_KEY in config/settings.py (a test checks that they agree).
COMMITTED_KEY = "insecure-example-key-for-local-use-only"

FIX = (
    "config/settings.py: SECRET_KEY is the key committed to the repository and DEBUG is off, "
    "so anyone could sign a session or a JWT for any user. Set DJANGO_SECRET_KEY to a long "
    "random value, for example: "
    "export DJANGO_SECRET_KEY=\"$(python -c 'import secrets; print(secrets.token_urlsafe(50))')\" "
    "(make run-examples makes one for you)."
)


def refuse_the_committed_key() -> None:
    """Raise ``ImproperlyConfigured`` when DEBUG is off and SECRET_KEY is the committed one."""
    if not settings.DEBUG and settings.SECRET_KEY == COMMITTED_KEY:
        raise ImproperlyConfigured(FIX)
