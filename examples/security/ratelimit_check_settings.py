"""The project settings plus django_ratelimit in INSTALLED_APPS, to run its system checks.

Run: ``python manage.py check --settings security.ratelimit_check_settings``
"""

from config.settings import *  # noqa: F403
from config.settings import INSTALLED_APPS

# --8<-- [start:installed]
INSTALLED_APPS = [*INSTALLED_APPS, "django_ratelimit"]  # registers its cache checks
# --8<-- [end:installed]
