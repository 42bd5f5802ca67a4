"""The Celery application of the examples project.

A worker is started from the ``examples/`` folder with ``celery -A config worker``. Every
Celery setting lives in ``config/settings.py`` with a ``CELERY_`` prefix, so the same
environment variables configure the web process and the worker.
"""

# --8<-- [start:app]
import os

from celery import Celery

# The worker is a separate process: it needs to know the settings module too.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")

# Read every setting that starts with CELERY_ from Django's settings:
# CELERY_BROKER_URL becomes broker_url, CELERY_TASK_ROUTES becomes task_routes, ...
app.config_from_object("django.conf:settings", namespace="CELERY")

# Import tasks.py from every installed app, so the worker registers their tasks.
app.autodiscover_tasks()
# --8<-- [end:app]
