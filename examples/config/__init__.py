"""Project package of the Project Nexus examples: settings, URLs and the Celery app."""

try:  # Django's MySQL backend imports MySQLdb; PyMySQL stands in so nothing needs compiling.
    import MySQLdb  # noqa: F401
except ImportError:
    import pymysql

    pymysql.install_as_MySQLdb()

# Load the Celery app whenever Django starts, so @shared_task binds to it.
from .celery import app as celery_app  # noqa: E402

__all__ = ["celery_app"]
