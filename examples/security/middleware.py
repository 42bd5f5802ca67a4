"""Middleware of the security examples: a fixed-window rate limiter and a CSP header."""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse


# --8<-- [start:fixed_window]
class FixedWindowRateLimitMiddleware:
    """Allow ``LIMIT`` requests per client IP in each ``WINDOW``-second window, then 429.

    The counter lives in the cache, so every server process must share one cache (Redis or
    Memcached): with a per-process cache each worker would count on its own.
    """

    LIMIT = 5
    WINDOW = 60  # seconds
    PREFIX = "/security/limited/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.PREFIX):
            return self.get_response(request)
        now = int(time.time())
        window = now // self.WINDOW
        key = f"fixed-window:{request.META.get('REMOTE_ADDR')}:{window}"
        # add() creates the counter only if it is missing; incr() is atomic in Redis/Memcached.
        cache.add(key, 0, timeout=self.WINDOW)
        count = cache.incr(key)
        if count > self.LIMIT:
            response = HttpResponse("Rate limit exceeded.", status=429)
            response["Retry-After"] = str((window + 1) * self.WINDOW - now)
            return response
        return self.get_response(request)
# --8<-- [end:fixed_window]


# --8<-- [start:csp]
class ContentSecurityPolicyMiddleware:
    """Django 5.2 has no CSP support of its own: set the header on every response.

    The policy is ``settings.CONTENT_SECURITY_POLICY``. A view that needs another one (the
    GraphiQL page loads its scripts from a CDN) sets the header itself; it is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
# --8<-- [end:csp]
