"""The documented production environment (the ConfigMap and the Secret) passes check --deploy."""

import secrets
import subprocess
import sys

import pytest
from deploy.tests.test_crashloop import EXAMPLES, pod_environment
from django.test import Client, override_settings
from static_files.tests.helpers import settings_for

HTTPS_VARIABLES = [
    "DJANGO_SECURE_SSL_REDIRECT", "DJANGO_SECURE_HSTS_SECONDS",
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", "DJANGO_SECURE_HSTS_PRELOAD",
    "DJANGO_SESSION_COOKIE_SECURE", "DJANGO_CSRF_COOKIE_SECURE",
]


def check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=EXAMPLES, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


# --8<-- [start:check_deploy]
def test_the_production_environment_gives_no_warning(tmp_path):
    # secret.example.yaml holds placeholders: the real Secret has a long random key.
    env = pod_environment(tmp_path, DJANGO_SECRET_KEY=secrets.token_urlsafe(50))
    proc = check_deploy(env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "System check identified no issues (0 silenced)."


def test_the_placeholder_key_fails_it(tmp_path):
    proc = check_deploy(pod_environment(tmp_path))  # "replace-me-with-a-long-random-string"
    assert proc.returncode == 1
    assert "(security.W009)" in proc.stderr


def test_without_the_https_variables_it_lists_what_to_set(tmp_path):
    env = pod_environment(tmp_path, DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
                          **dict.fromkeys(HTTPS_VARIABLES))  # None: the key is left out
    proc = check_deploy(env)
    assert proc.returncode == 1
    for warning in ("W004", "W008", "W012", "W016"):
        assert f"(security.{warning})" in proc.stderr
# --8<-- [end:check_deploy]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_the_probes_get_an_answer_over_plain_http_not_a_redirect(path, settings):
    # The kubelet calls the pod directly, without the proxy's X-Forwarded-Proto.
    with override_settings(SECURE_SSL_REDIRECT=True):
        client = Client()
        assert client.get("/security/limited/ping/").status_code == 301
        assert client.get(path).status_code in (200, 503)  # 503: readyz while draining
    assert settings.SECURE_REDIRECT_EXEMPT == [r"^healthz$", r"^readyz$"]


def test_behind_the_tls_proxy_https_requests_are_not_redirected():
    proxy_header = ("HTTP_X_FORWARDED_PROTO", "https")
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=proxy_header):
        response = Client().get("/security/limited/ping/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200


def test_the_settings_read_the_https_variables_of_the_config_map(tmp_path):
    config = {name: value for name, value in pod_environment(tmp_path).items()
              if name.startswith("DJANGO_")}
    computed = settings_for(**config)
    assert computed["SECURE_SSL_REDIRECT"] is True
    assert computed["SECURE_HSTS_SECONDS"] == 31_536_000
    assert computed["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert computed["SESSION_COOKIE_SECURE"] is computed["CSRF_COOKIE_SECURE"] is True
    assert computed["REST_FRAMEWORK"]["NUM_PROXIES"] == 1  # throttles trust the Ingress only
    laptop = settings_for()  # none of them set: plain http://127.0.0.1 keeps working
    assert laptop["SECURE_SSL_REDIRECT"] is laptop["SESSION_COOKIE_SECURE"] is False
    assert "SECURE_PROXY_SSL_HEADER" not in laptop
    assert laptop["REST_FRAMEWORK"]["NUM_PROXIES"] is None
