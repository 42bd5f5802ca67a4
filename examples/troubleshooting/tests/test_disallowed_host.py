"""The challenge "DisallowedHost: Invalid HTTP_HOST header", on the examples project.

The settings come from ``config/settings.py`` itself, run with the environment variables a
deployment sets (``settings_for``), so the tests read ALLOWED_HOSTS exactly as a server does.
"""

import logging
import re
import urllib.error
import urllib.request

import pytest
import yaml
from deploy import health
from deploy.validate import DEPLOY
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings
from static_files.tests.helpers import runserver, settings_for

from troubleshooting.allowed_hosts import hosts_before, production_hosts

from .validators import OUTPUTS

HOST = "api.example.com"
MESSAGE = (
    f"Invalid HTTP_HOST header: '{HOST}'. You may need to add '{HOST}' to ALLOWED_HOSTS."
)
SECURITY_LOGGER = "django.security.DisallowedHost"
TIMESTAMP = re.compile(r"^\[\d\d/\w{3}/\d{4} \d\d:\d\d:\d\d\] ")


@pytest.fixture
def no_hosts_variable(monkeypatch):
    """DJANGO_ALLOWED_HOSTS unset, as on a server where the deployment forgot it."""
    monkeypatch.delenv("DJANGO_ALLOWED_HOSTS", raising=False)
    return monkeypatch


def get_with_host(url: str, host: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Host": host})  # noqa: S310 (loopback only)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def security_messages(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == SECURITY_LOGGER]


def test_runserver_logs_the_message_and_answers_400(no_hosts_variable):
    log = []
    with runserver(log, DJANGO_DEBUG="false") as url:
        status, body = get_with_host(url + "/healthz", HOST)
        assert status == 400
        assert b"<h1>Bad Request (400)</h1>" in body
        assert get_with_host(url + "/healthz", "localhost")[0] == 200  # fine on the laptop
    shown = [
        next(line for line in log if line.startswith(f"ERROR {SECURITY_LOGGER}: ")),
        next(line for line in log if line.startswith("django.core.exceptions.DisallowedHost")),
        next(line for line in log if '"GET /healthz HTTP/1.1" 400' in line),
    ]
    expected = (OUTPUTS / "disallowed_host.txt").read_text().splitlines()
    assert [TIMESTAMP.sub("", line) for line in shown] == [
        TIMESTAMP.sub("", line) for line in expected
    ]


# --8<-- [start:test_before]
def test_before_the_deployed_name_is_not_allowed(client, caplog, no_hosts_variable):
    # The examples project's settings, with DEBUG off and DJANGO_ALLOWED_HOSTS unset.
    deployed = settings_for(DJANGO_DEBUG="false")
    assert deployed["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "testserver"]
    with override_settings(ALLOWED_HOSTS=deployed["ALLOWED_HOSTS"], DEBUG=deployed["DEBUG"]):
        with caplog.at_level(logging.ERROR, logger=SECURITY_LOGGER):
            response = client.get("/healthz", HTTP_HOST=HOST)
    assert response.status_code == 400
    assert security_messages(caplog) == [MESSAGE]


def test_before_hosts_written_on_a_laptop_reject_the_server_name(client, caplog):
    with override_settings(ALLOWED_HOSTS=hosts_before(), DEBUG=False):
        with caplog.at_level(logging.ERROR, logger=SECURITY_LOGGER):
            assert client.get("/healthz", HTTP_HOST="localhost").status_code == 200
            assert client.get("/healthz", HTTP_HOST=HOST).status_code == 400
    assert security_messages(caplog) == [MESSAGE]


def test_django_default_empty_list_allows_local_names_only_with_debug_on(client):
    # startproject writes ALLOWED_HOSTS = []: DEBUG on allows .localhost, 127.0.0.1, [::1].
    with override_settings(ALLOWED_HOSTS=[], DEBUG=True):
        assert client.get("/healthz", HTTP_HOST="localhost:8000").status_code == 200
        assert client.get("/healthz", HTTP_HOST=HOST).status_code == 400
    with override_settings(ALLOWED_HOSTS=[], DEBUG=False):
        assert client.get("/healthz", HTTP_HOST="localhost:8000").status_code == 400
# --8<-- [end:test_before]


def test_the_deployment_check_warns_about_an_empty_list():
    with override_settings(ALLOWED_HOSTS=[]):
        messages = run_checks(include_deployment_checks=True, tags=["security"])
    assert "?: (security.W020) ALLOWED_HOSTS must not be empty in deployment." in map(
        str, messages
    )


# --8<-- [start:test_after]
def test_after_the_variable_allows_the_deployed_name(client, caplog, no_hosts_variable):
    deployed = settings_for(DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS=f"{HOST},localhost")
    assert deployed["ALLOWED_HOSTS"] == [HOST, "localhost"]
    with override_settings(ALLOWED_HOSTS=deployed["ALLOWED_HOSTS"], DEBUG=deployed["DEBUG"]):
        with caplog.at_level(logging.ERROR, logger=SECURITY_LOGGER):
            response = client.get("/healthz", HTTP_HOST=f"{HOST}:443")  # the port is ignored
            assert client.get("/healthz", HTTP_HOST="www.example.com").status_code == 400
    assert response.status_code == 200
    assert security_messages(caplog) == [
        "Invalid HTTP_HOST header: 'www.example.com'. You may need to add 'www.example.com' "
        "to ALLOWED_HOSTS."
    ]


def test_production_settings_stop_when_the_variable_is_missing(no_hosts_variable):
    with pytest.raises(ImproperlyConfigured) as error:
        production_hosts()
    assert str(error.value) == "Set the DJANGO_ALLOWED_HOSTS environment variable"


def test_a_space_after_the_comma_is_kept_and_matches_nothing(client, no_hosts_variable):
    no_hosts_variable.setenv("DJANGO_ALLOWED_HOSTS", f"localhost, {HOST}")
    assert production_hosts() == ["localhost", f" {HOST}"]
    with override_settings(ALLOWED_HOSTS=production_hosts(), DEBUG=False):
        assert client.get("/healthz", HTTP_HOST=HOST).status_code == 400


def test_a_leading_dot_allows_the_domain_and_every_subdomain(client):
    with override_settings(ALLOWED_HOSTS=[".example.com"], DEBUG=False):
        for host in (HOST, "example.com", "www.example.com"):
            assert client.get("/healthz", HTTP_HOST=host).status_code == 200
        assert client.get("/healthz", HTTP_HOST="example.com.evil.test").status_code == 400
# --8<-- [end:test_after]


def test_a_star_accepts_any_host_and_links_built_from_it_point_there():
    # Why not "*" in production: password-reset e-mails and redirects use request.get_host().
    request = RequestFactory().get("/accounts/reset/", HTTP_HOST="attacker.test")
    with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
        assert request.build_absolute_uri() == "http://attacker.test/accounts/reset/"


def test_forwarded_host_is_read_only_when_the_setting_says_so(client):
    # Behind a proxy that sets X-Forwarded-Host and sends its own address as Host.
    headers = {"HTTP_HOST": "10.0.0.7:8000", "HTTP_X_FORWARDED_HOST": HOST}
    with override_settings(ALLOWED_HOSTS=[HOST], DEBUG=False):
        assert client.get("/healthz", **headers).status_code == 400
        with override_settings(USE_X_FORWARDED_HOST=True):
            assert client.get("/healthz", **headers).status_code == 200
            # Now the client's X-Forwarded-Host decides. ALLOWED_HOSTS still checks it, but
            # trust it only behind a proxy that replaces whatever the client sent.
            forged = {"HTTP_HOST": HOST, "HTTP_X_FORWARDED_HOST": "attacker.test"}
            assert client.get("/healthz", **forged).status_code == 400


# --8<-- [start:test_probes]
def test_kubernetes_probes_send_a_host_the_deployed_settings_allow(client, caplog, monkeypatch):
    monkeypatch.setattr(health, "DRAIN_FILE", DEPLOY / "no-such-drain-file")  # pod not drained
    manifest = yaml.safe_load((DEPLOY / "k8s" / "deployment.yaml").read_text())
    (web,) = manifest["spec"]["template"]["spec"]["containers"]
    config = yaml.safe_load((DEPLOY / "k8s" / "configmap.yaml").read_text())["data"]
    deployed = settings_for(**config)  # the pod's environment, read by config/settings.py
    assert deployed["DEBUG"] is False
    port = web["ports"][0]["containerPort"]
    with override_settings(ALLOWED_HOSTS=deployed["ALLOWED_HOSTS"], DEBUG=False):
        with caplog.at_level(logging.ERROR, logger=SECURITY_LOGGER):
            for probe in ("livenessProbe", "readinessProbe"):
                http = web[probe]["httpGet"]
                headers = {h["name"]: h["value"] for h in http["httpHeaders"]}
                host = f"{headers['Host']}:{port}"
                assert client.get(http["path"], HTTP_HOST=host).status_code == 200
            # Without the header the kubelet sends the pod's IP address, which is refused.
            assert client.get("/healthz", HTTP_HOST=f"10.1.0.5:{port}").status_code == 400
    assert security_messages(caplog) == [
        "Invalid HTTP_HOST header: '10.1.0.5:8000'. You may need to add '10.1.0.5' to "
        "ALLOWED_HOSTS."
    ]
# --8<-- [end:test_probes]
