"""Throttle classes of the DRF-in-depth examples, with their rates.

``SimpleRateThrottle.THROTTLE_RATES`` is DRF's copy of ``DEFAULT_THROTTLE_RATES``, taken
once, when ``rest_framework.throttling`` is imported. These subclasses carry their own copy
so that this app does not change the settings every other app of the project shares.
"""

from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

# --8<-- [start:rates]
# In a project with one API, this dict is REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].
RATES = {
    "anon": "3/minute",  # AnonRateThrottle: per client IP, anonymous requests only
    "user": "5/minute",  # UserRateThrottle: per user id (per IP for anonymous requests)
    "uploads": "2/minute",  # ScopedRateThrottle, on views with throttle_scope = "uploads"
    "search": "10/minute",
}


class AnonThrottle(AnonRateThrottle):
    THROTTLE_RATES = RATES


class UserThrottle(UserRateThrottle):
    THROTTLE_RATES = RATES


class ScopedThrottle(ScopedRateThrottle):
    THROTTLE_RATES = RATES
# --8<-- [end:rates]
