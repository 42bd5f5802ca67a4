"""The forged-token attack against real servers: a known SECRET_KEY signs a token for anyone.

Each test starts ``manage.py runserver`` on a free loopback port, on one migrated SQLite file
whose only user is a superuser (id 1) with no usable password, so nobody can log in as it.
"""

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from config.secret_key import COMMITTED_KEY
from django.conf import settings

from security.tokens import forge_access_token

EXAMPLES = settings.BASE_DIR
STAFF_REPORT = "/security/staff-report/"  # IsAdminUser: staff only, 403 for everyone else


def django_env(database: str, **environment: str) -> dict[str, str]:
    """The tests' environment without a key of its own (config/settings.py's default)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "DATABASE_URL": database}
    for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_SECRET_KEY", "DJANGO_DEBUG"):
        env.pop(name, None)
    return env | environment


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('forged') / 'db.sqlite3'}"
    for command in (["migrate", "--verbosity", "0"],
                    ["createsuperuser", "--noinput", "--username", "admin",
                     "--email", "admin@example.com"]):  # no DJANGO_SUPERUSER_PASSWORD: unusable
        subprocess.run([sys.executable, "manage.py", *command], cwd=EXAMPLES, check=True,
                       env=django_env(url), capture_output=True, timeout=120)
    return url


@contextlib.contextmanager
def server(database: str, **environment: str):
    """``manage.py runserver`` with these variables; yields its URL, or raises with its log."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = ["runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"]
    proc = subprocess.Popen(
        [sys.executable, "manage.py", *command],
        cwd=EXAMPLES, env=django_env(database, **environment), stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(proc.stderr.read()) from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def get_with_token(url: str, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


# --8<-- [start:forged]
def test_a_token_signed_with_the_committed_key_opens_the_staff_report(database):
    forged = forge_access_token(COMMITTED_KEY, user_id=1)  # the key is in git; id 1 is a guess
    # A laptop server on the default key (DEBUG on, or it would not start) that others reach.
    with server(database, DJANGO_DEBUG="true") as url:
        assert get_with_token(url + STAFF_REPORT, forged) == (200, {"username": "admin"})


def test_the_same_token_is_refused_by_a_server_with_its_own_secret_key(database):
    forged = forge_access_token(COMMITTED_KEY, user_id=1)
    with server(database, DJANGO_SECRET_KEY=secrets.token_urlsafe(50)) as url:
        status, body = get_with_token(url + STAFF_REPORT, forged)
    assert status == 401
    assert body["messages"][0]["message"] == "Token is invalid"  # the signature does not match


def test_with_debug_off_the_committed_key_does_not_even_start(database):
    with pytest.raises(RuntimeError, match="SECRET_KEY is the key committed to the repository"):
        with server(database, DJANGO_DEBUG="false"):
            pass  # never reached: config/wsgi.py raised ImproperlyConfigured
# --8<-- [end:forged]
