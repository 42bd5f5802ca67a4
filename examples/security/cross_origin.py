"""A frontend on another origin that logs in with Django's session cookie.

The project's own settings (``config/settings.py``, the ``cors`` section) let a frontend on
``http://localhost:5173`` read the API's responses, with no cookies: enough for public data
and for bearer tokens, which the frontend's code adds itself. A frontend that relies on the
session cookie needs the three settings below; the tests apply them with
``override_settings``, the way a settings module for that deployment would set them.
"""

FRONTEND = "http://localhost:5173"

# --8<-- [start:session_settings]
CROSS_ORIGIN_SESSION_SETTINGS = {
    # Name the origins: credentials are never sent to a wildcard.
    "CORS_ALLOWED_ORIGINS": [FRONTEND],
    # Access-Control-Allow-Credentials: true, so the browser sends and accepts cookies.
    "CORS_ALLOW_CREDENTIALS": True,
    # Django's CSRF check compares the Origin header with this list (scheme included).
    "CSRF_TRUSTED_ORIGINS": [FRONTEND],
}
# --8<-- [end:session_settings]
