"""The health endpoints answer as the probes expect, and ALLOWED_HOSTS applies to probes too."""

import logging
from unittest import mock

import pytest
import yaml
from django.db import OperationalError, connections

from deploy.validate import DEPLOY

pytestmark = pytest.mark.urls("deploy.urls")


def test_liveness_touches_no_database(client):
    # No django_db mark: any database access here raises "Database access not allowed".
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readiness_is_ok_while_the_database_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_readiness_is_503_when_the_database_is_down(client, caplog):
    down = OperationalError("connection refused")
    with mock.patch.object(connections["default"], "cursor", side_effect=down):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}  # no error details leak out
    assert "connection refused" in caplog.text


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
