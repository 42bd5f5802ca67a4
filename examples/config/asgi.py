"""ASGI entry point, for servers such as Uvicorn or Daphne."""

import os

from django.core.asgi import get_asgi_application

from config.secret_key import refuse_the_committed_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()
refuse_the_committed_key()
