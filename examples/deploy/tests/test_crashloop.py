"""CrashLoopBackOff, reproduced without a cluster: the web container's command, run here.

A pod goes into CrashLoopBackOff when its container exits again and again. These tests
run the container's command (the Dockerfile's CMD) from ``examples/``, with exactly the
environment the pod gets (the ConfigMap plus the Secret), and read what ``kubectl logs
--previous`` would show. Kubernetes itself is not involved, so the pod's status and
events come from Kubernetes' documentation, not from here.
"""

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from deploy.validate import DEPLOY

EXAMPLES = DEPLOY.parent
OUTPUTS = DEPLOY / "outputs"
TYPO = "postgre://nexus:replace-me@postgres:5432/nexus"  # the s of postgres is missing


def container_command() -> list[str]:
    """The Dockerfile's CMD, bound to a free local port instead of 0.0.0.0:8000."""
    text = (DEPLOY / "Dockerfile").read_text().replace("\\\n", "")
    command = json.loads(re.search(r"^CMD (\[.*\])$", text, re.M).group(1))
    command[command.index("--bind") + 1] = "127.0.0.1:0"
    command[command.index("--workers") + 1] = "1"  # one is enough to boot or to fail
    return command


def pod_environment(tmp_path: Path, **changes: str | None) -> dict[str, str]:
    """The ConfigMap's and the Secret's keys, as envFrom gives them to the container."""
    env = {
        **yaml.safe_load((DEPLOY / "k8s" / "configmap.yaml").read_text())["data"],
        **yaml.safe_load((DEPLOY / "secret.example.yaml").read_text())["stringData"],
    }
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return {
        **env,
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),  # gunicorn's control socket lands here
        "DJANGO_SETTINGS_MODULE": "config.settings",  # the Dockerfile's ENV
        "PYTHONUNBUFFERED": "1",
    }


def run_container(tmp_path: Path, **changes) -> tuple[int | None, str]:
    """Start the command; return its exit code (None if still up after 5 s) and its log."""
    log_path = tmp_path / "log.txt"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            container_command(), cwd=EXAMPLES, env=pod_environment(tmp_path, **changes),
            stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGTERM)  # what the kubelet sends to stop a pod
        process.wait(timeout=30)
        return None, log_path.read_text()
    return process.returncode, log_path.read_text()


def shown_log(log: str) -> str:
    """The lines `kubectl logs --previous` would show, with fixed times and process ids."""
    lines = log.splitlines()
    start = next(i for i, line in enumerate(lines) if "Exception in worker process" in line)
    error = next(i for i, line in enumerate(lines) if line.startswith("django.core."))
    after = next(i for i, line in enumerate(lines) if i > error and line.startswith("["))
    kept = [lines[start], "Traceback (most recent call last):", "  ...", *lines[error:]]
    worker = re.search(r"\] \[(\d+)\] \[ERROR\] Exception in worker", lines[start]).group(1)
    master = re.search(r"\] \[(\d+)\] \[ERROR\] Shutting down", log).group(1)
    assert after > error
    text = "\n".join(kept) + "\n"
    text = re.sub(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\]",
                  "[2026-01-15 09:30:02 +0000]", text, flags=re.M)
    # In the container, gunicorn is process 1; its worker gets a small number.
    text = text.replace(f"[{master}]", "[1]").replace(f"[{worker}]", "[7]")
    return text.replace(f"pid:{worker})", "pid:7)").replace(f"pid: {worker})", "pid: 7)")


# --8<-- [start:test_crash]
def test_a_mistyped_database_url_makes_the_web_container_exit_at_once(tmp_path):
    started = time.monotonic()
    code, log = run_container(tmp_path, DATABASE_URL=TYPO)
    assert code == 3  # gunicorn's exit code when a worker cannot load the app
    assert time.monotonic() - started < 5  # every restart fails the same way, at once
    assert "Reason: Worker failed to boot." in log
    expected = (OUTPUTS / "crashloop_web.txt").read_text()
    assert shown_log(log) == expected, (
        f"examples/deploy/outputs/crashloop_web.txt should be:\n{shown_log(log)}"
    )


def test_the_same_command_keeps_running_with_the_fixed_secret(tmp_path):
    code, log = run_container(tmp_path)  # secret.example.yaml's DATABASE_URL, as written
    assert code is None, log  # still serving after 5 s: stopped by the test, not a crash
    assert "Booting worker with pid" in log
    assert "Worker failed to boot" not in log
# --8<-- [end:test_crash]


def test_an_empty_database_url_crashes_in_the_settings(tmp_path):
    # DATABASE_URL= (an empty line in the env file behind the Secret).
    proc = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=EXAMPLES,
        env=pod_environment(tmp_path, DATABASE_URL=""), capture_output=True, text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().endswith("KeyError: 'ENGINE'")


# --8<-- [start:test_missing_key]
def test_a_missing_secret_key_stops_the_web_container_with_the_fix(tmp_path):
    # The settings fall back to the key committed to git; config/wsgi.py refuses to serve it.
    code, log = run_container(tmp_path, DJANGO_SECRET_KEY=None)
    assert code == 3  # as with the mistyped DATABASE_URL: the worker cannot load the app
    assert "Reason: Worker failed to boot." in log
    error = next(line for line in log.splitlines() if line.startswith("django.core."))
    assert error.startswith(
        "django.core.exceptions.ImproperlyConfigured: config/settings.py: SECRET_KEY is the"
        " key committed to the repository and DEBUG is off"
    )
    assert "Set DJANGO_SECRET_KEY to a long random value" in error
    # Commands that answer no requests (the migration Job, check) still run with it.
    proc = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"], cwd=EXAMPLES,
        env=pod_environment(tmp_path, DJANGO_SECRET_KEY=None), capture_output=True,
        text=True, timeout=60,
    )
    assert proc.returncode == 0  # warnings only: check --deploy fails only with --fail-level
    assert "(security.W009) Your SECRET_KEY has less than 50 characters" in proc.stderr
# --8<-- [end:test_missing_key]


@pytest.mark.parametrize("manifest", ["worker.yaml", "beat.yaml"])
def test_the_worker_and_beat_crash_on_the_same_secret(tmp_path, manifest):
    # They read the same Secret: one bad value takes every Django process down.
    doc = yaml.safe_load((DEPLOY / "k8s" / manifest).read_text())
    (container,) = doc["spec"]["template"]["spec"]["containers"]
    command = [
        arg.replace("/tmp/", f"{tmp_path}/") for arg in container["command"]  # beat's file
    ]
    proc = subprocess.run(
        command, cwd=EXAMPLES, env=pod_environment(tmp_path, DATABASE_URL=TYPO),
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert "ImproperlyConfigured: 'postgre' isn't an available database backend" in proc.stderr


def test_the_preflight_check_on_the_env_file_catches_the_typo(tmp_path):
    # The challenge page's command, run where the page runs it: the repository root, with
    # prod.env next to examples/ (here a temporary folder with a link to examples/).
    page = (DEPLOY.parents[1] / "docs" / "challenges"
            / "crashloopbackoff-the-container-keeps-exiting.md").read_text()
    (script,) = [b for b in re.findall(r"```bash\n(.*?)```", page, re.S) if "prod.env &&" in b]
    (tmp_path / "examples").symlink_to(EXAMPLES)
    secret = yaml.safe_load((DEPLOY / "secret.example.yaml").read_text())["stringData"]
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(tmp_path)}
    for url, code in [(TYPO, 1), (secret["DATABASE_URL"], 0)]:
        values = {**secret, "DATABASE_URL": url}
        (tmp_path / "prod.env").write_text("".join(f"{k}={v}\n" for k, v in values.items()))
        proc = subprocess.run(["bash", "-c", script.strip()], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == code, proc.stderr
    assert "System check identified" in proc.stdout + proc.stderr  # --deploy reports
