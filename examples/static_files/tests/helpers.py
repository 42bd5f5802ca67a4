"""Run the image's collectstatic step, read the settings for an environment, start runserver."""

import contextlib
import os
import runpy
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from unittest import mock

from deploy.validate import DEPLOY
from troubleshooting.docker_checks import final_stage

EXAMPLES = DEPLOY.parent
SETTINGS_FILE = EXAMPLES / "config" / "settings.py"
OUTPUTS = Path(__file__).resolve().parents[1] / "outputs"
__all__ = [
    "EXAMPLES", "OUTPUTS", "collectstatic_step", "get", "image_environment", "run_collectstatic",
    "runserver", "settings_for",
]


def image_environment() -> dict[str, str]:
    """The variables the image's final stage sets with ENV (PATH left out: it is the host's)."""
    _, stage = final_stage(DEPLOY / "Dockerfile")
    variables = {}
    for keyword, args in stage:
        if keyword == "ENV":
            for pair in shlex.split(args):
                name, _, value = pair.partition("=")
                variables[name] = value
    variables.pop("PATH", None)
    return variables


def collectstatic_step() -> list[str]:
    """The image's ``RUN ... collectstatic ...`` command, split into its arguments."""
    _, stage = final_stage(DEPLOY / "Dockerfile")
    (command,) = [args for keyword, args in stage if keyword == "RUN" and "collectstatic" in args]
    return shlex.split(command)


def run_collectstatic(static_root: Path, **environment: str) -> subprocess.CompletedProcess:
    """Run the image's collectstatic step from examples/, with the image's ENV, into static_root."""
    command = collectstatic_step()
    assert command[0] == "python"
    env = {**os.environ, **image_environment(), "DJANGO_STATIC_ROOT": str(static_root)}
    env.update(environment)
    return subprocess.run(
        [sys.executable, *command[1:]],
        cwd=EXAMPLES, env=env, capture_output=True, text=True, timeout=300, check=False,
    )


def settings_for(**environment: str) -> dict:
    """The values config/settings.py computes when these environment variables are set."""
    with mock.patch.dict(os.environ, environment):
        return runpy.run_path(str(SETTINGS_FILE))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    """GET a URL on the local server: status, headers and body, for error statuses too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@contextlib.contextmanager
def runserver(log: list[str], **environment: str):
    """Start ``manage.py runserver`` on a free loopback port; yield its base URL.

    The server's stderr (its request log, warnings and tracebacks) is appended to ``log``,
    line by line, when the server has stopped.
    """
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **environment}
    env.pop("DATABASE_URL", None)  # SQLite: the pages need no database server
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=EXAMPLES, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"runserver did not start:\n{proc.stderr.read()}") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            _, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, stderr = proc.communicate()
        log.extend(stderr.splitlines())
