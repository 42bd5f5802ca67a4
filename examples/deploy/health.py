"""Health endpoints for container orchestrators: a liveness and a readiness check.

Docker's ``HEALTHCHECK`` and Kubernetes' liveness probe ask "is the process alive?", and
must not depend on the database: a database outage would otherwise restart every web
container, which fixes nothing. Kubernetes' readiness probe asks "can this pod serve
traffic right now?", and checks the database, so a pod that cannot reach it is taken out
of the Service's endpoints until it can.
"""

# --8<-- [start:views]
import logging

from django.db import DatabaseError, connections
from django.http import HttpRequest, JsonResponse

logger = logging.getLogger(__name__)


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process is up and Django answers. Touches no backing service."""
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the default database answers a trivial query, else HTTP 503."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # The details go to the logs, not to whoever can reach the endpoint.
        logger.exception("Readiness check failed: the database is unreachable")
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
# --8<-- [end:views]
