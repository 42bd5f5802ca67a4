"""simplejwt settings with a longer access lifetime and a clock-skew leeway.

The tests load it in a fresh process (``DJANGO_SETTINGS_MODULE=api_depth.jwt_settings``):
simplejwt reads ACCESS_TOKEN_LIFETIME and LEEWAY when its modules are imported.
"""

from datetime import timedelta

from config.settings import *  # noqa: F403

# --8<-- [start:simple_jwt]
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=10),  # default: 5 minutes
    "LEEWAY": timedelta(seconds=30),  # default: 0; tolerate clocks up to 30 s apart
}
# --8<-- [end:simple_jwt]
