"""The examples' settings without WhiteNoise: the "before" of the static-files 404 challenge.

Run ``manage.py runserver`` with ``DJANGO_SETTINGS_MODULE=static_files.settings_without_whitenoise``
and ``DJANGO_DEBUG=false`` to see the admin lose its CSS.
"""

# --8<-- [start:before]
from config.settings import *  # noqa: F403
from config.settings import MIDDLEWARE

# Nothing in the middleware serves STATIC_URL: only runserver does, and only with DEBUG on.
MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("whitenoise.")]
# --8<-- [end:before]
