"""The health endpoints answer as the probes expect, and ALLOWED_HOSTS applies to probes too."""

import logging
import tempfile
from pathlib import Path
from unittest import mock

import pytest
import yaml
from django.db import OperationalError, connections

from deploy import health
from deploy.validate import DEPLOY

pytestmark = pytest.mark.urls("deploy.urls")


@pytest.fixture
def drain_file(tmp_path, monkeypatch):
    """A drain file of this test's own, so no test depends on the real /tmp."""
    path = tmp_path / "nexus-drain"
    monkeypatch.setattr(health, "DRAIN_FILE", path)
    return path


def test_liveness_touches_no_database(client):
    # No django_db mark: any database access here raises "Database access not allowed".
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readiness_touches_no_database(client, drain_file):
    # No django_db mark either: the database is shared by every pod, so it is not checked.
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readiness_stays_ok_while_the_shared_database_is_down(client, drain_file):
    down = OperationalError("connection refused")
    with mock.patch.object(connections["default"], "cursor", side_effect=down) as cursor:
        response = client.get("/readyz")
    assert response.status_code == 200  # every pod stays in the Service
    cursor.assert_not_called()


def test_a_drained_pod_is_not_ready_and_returns_when_undrained(client, drain_file, caplog):
    drain_file.touch()
    with caplog.at_level(logging.WARNING, logger="deploy.health"):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "drained"}
    logged = [r.getMessage() for r in caplog.records if r.name == "deploy.health"]
    assert logged == [f"Readiness check failed: {drain_file} exists, so this pod is drained"]
    # Liveness does not care: a drained pod is not restarted.
    assert client.get("/healthz").status_code == 200
    drain_file.unlink()
    assert client.get("/readyz").status_code == 200


def test_the_drain_file_is_in_the_writable_temporary_folder():
    # The pods' root filesystem is read-only; only the emptyDir at /tmp is writable. Python's
    # temporary folder is /tmp in the pod, because nothing there sets TMPDIR, TEMP or TMP.
    assert health.DRAIN_FILE == Path(tempfile.gettempdir()) / "nexus-drain"
    deployment = yaml.safe_load((DEPLOY / "k8s" / "deployment.yaml").read_text())
    (web,) = deployment["spec"]["template"]["spec"]["containers"]
    assert "/tmp" in {mount["mountPath"] for mount in web["volumeMounts"]}
    config = yaml.safe_load((DEPLOY / "k8s" / "configmap.yaml").read_text())["data"]
    settings_from_env = [*config, *web.get("env", []), (DEPLOY / "Dockerfile").read_text()]
    assert not any(name in str(settings_from_env) for name in ("TMPDIR", "TEMP", "TMP"))


def test_a_probe_with_the_pod_ip_as_host_is_rejected(client, settings, caplog):
    settings.ALLOWED_HOSTS = ["nexus.example.com"]
    with caplog.at_level(logging.ERROR, logger="django.security.DisallowedHost"):
        response = client.get("/healthz", HTTP_HOST="10.1.0.5:8000")
    assert response.status_code == 400
    assert caplog.messages == [
        "Invalid HTTP_HOST header: '10.1.0.5:8000'. You may need to add '10.1.0.5' to "
        "ALLOWED_HOSTS."
    ]


def test_the_probe_host_header_from_the_manifest_is_accepted(client, settings):
    config = yaml.safe_load((DEPLOY / "k8s" / "configmap.yaml").read_text())
    settings.ALLOWED_HOSTS = config["data"]["DJANGO_ALLOWED_HOSTS"].split(",")
    response = client.get("/healthz", HTTP_HOST="localhost:8000")
    assert response.status_code == 200
