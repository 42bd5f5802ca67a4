"""Health endpoints for container orchestrators: a liveness and a readiness check.

Neither touches the database, the cache or the broker. Every pod shares those, so a check
on them fails on every pod at the same moment: as liveness it restarts every web container,
which fixes nothing; as readiness it takes every pod out of the Service, which leaves no
endpoints at all and turns a slow database into a complete outage. Both checks look only at
this process. Docker's ``HEALTHCHECK`` and Kubernetes' liveness probe call ``/healthz``;
Kubernetes' readiness probe calls ``/readyz``, which can also be switched off for one pod,
by hand, to take that pod out of the Service without restarting it.
"""

# --8<-- [start:views]
import logging
import tempfile
from pathlib import Path

from django.http import HttpRequest, JsonResponse

logger = logging.getLogger(__name__)

# While this file exists, the pod reports "not ready": kubectl exec <pod> -- touch <file>.
DRAIN_FILE = Path(tempfile.gettempdir()) / "nexus-drain"


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process is up and Django answers. Touches no backing service."""
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: this pod takes requests, unless it was drained. Touches no shared service."""
    if DRAIN_FILE.exists():
        logger.warning("Readiness check failed: %s exists, so this pod is drained", DRAIN_FILE)
        return JsonResponse({"status": "drained"}, status=503)
    return JsonResponse({"status": "ok"})
# --8<-- [end:views]
