"""WSGI entry point, for servers such as Gunicorn (and ``runserver``, via WSGI_APPLICATION)."""

import os

from django.core.wsgi import get_wsgi_application

from config.secret_key import refuse_the_committed_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
refuse_the_committed_key()
