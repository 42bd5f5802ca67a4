"""The project-wide way to switch throttling on, as a settings module.

The tests load it in a fresh process (``DJANGO_SETTINGS_MODULE=api_depth.throttle_settings``),
because DRF reads the throttle settings when its modules are imported.
"""

from config.settings import *  # noqa: F403
from config.settings import REST_FRAMEWORK as SHARED_REST_FRAMEWORK

# --8<-- [start:settings]
REST_FRAMEWORK = {
    **SHARED_REST_FRAMEWORK,
    # Every view without its own throttle_classes gets these two.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    # Requests per second, minute, hour or day: "3/s", "3/min", "1000/day" (only the
    # first letter of the period counts).
    "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute", "uploads": "2/minute"},
}
# --8<-- [end:settings]
