"""`manage.py check --deploy` from code, and the settings that silence it."""

from django.core import checks


# --8<-- [start:run]
def deploy_warning_ids() -> list[str]:
    """IDs of the security warnings `manage.py check --deploy` reports for the settings now."""
    messages = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    return sorted(message.id for message in messages)
# --8<-- [end:run]


# --8<-- [start:production]
# What a production settings module sets (read from the environment in real life).
PRODUCTION_SECURITY_SETTINGS = {
    "DEBUG": False,
    "SECRET_KEY": "k3y-from-the-environment-" + "x7Qp2Lr9Zt4Wv8Ns" * 3,
    "SECURE_SSL_REDIRECT": True,  # http:// -> https://  (security.W008)
    "SECURE_HSTS_SECONDS": 31_536_000,  # one year of HSTS      (security.W004)
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,  # (security.W005)
    "SECURE_HSTS_PRELOAD": True,  # (security.W021)
    "SESSION_COOKIE_SECURE": True,  # session cookie over HTTPS only (security.W012)
    "CSRF_COOKIE_SECURE": True,  # CSRF cookie over HTTPS only      (security.W016)
}
# --8<-- [end:production]
