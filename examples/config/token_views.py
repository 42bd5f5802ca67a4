"""The JWT endpoints every app mounts: simplejwt's views, throttled per client IP.

The caller of ``token/`` has no token yet, so ``ScopedRateThrottle`` counts by IP address:
someone guessing passwords gets ``429 Too Many Requests`` (with ``Retry-After``) after a few
tries a minute. The counters live in the cache, which every server process must share in
production (``CACHE_URL`` pointing at Redis), or each process counts on its own.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView


# --8<-- [start:throttled_token_views]
class TokenRateThrottle(ScopedRateThrottle):
    """One budget per endpoint kind; the class carries its rates, as in api_depth/throttles.py."""

    THROTTLE_RATES = {
        "token-obtain": "10/minute",  # a username and a password: the one worth guessing
        "token-refresh": "30/minute",  # a signed refresh token: not guessable, still bounded
    }

    def get_ident(self, request):
        """The client's IP address, from X-Forwarded-For only as far as NUM_PROXIES says.

        With NUM_PROXIES unset DRF takes the whole X-Forwarded-For header, which the client
        writes itself: a new value on every request would never be limited.
        """
        if api_settings.NUM_PROXIES is None:
            return request.META.get("REMOTE_ADDR")
        return super().get_ident(request)


class ThrottledTokenObtainPairView(TokenObtainPairView):
    """``POST {"username", "password"}`` returns an access and a refresh token."""

    throttle_classes = [TokenRateThrottle]
    throttle_scope = "token-obtain"


class ThrottledTokenRefreshView(TokenRefreshView):
    """``POST {"refresh"}`` returns a new access token."""

    throttle_classes = [TokenRateThrottle]
    throttle_scope = "token-refresh"
# --8<-- [end:throttled_token_views]
