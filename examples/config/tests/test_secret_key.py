"""The committed SECRET_KEY: servers refuse it with DEBUG off; make run-examples makes its own."""

import os
import runpy
import stat
import subprocess
import sys
from unittest import mock

import pytest
from django.conf import settings

from config.secret_key import COMMITTED_KEY, FIX

EXAMPLES = settings.BASE_DIR
ROOT = EXAMPLES.parent


def environment(**variables: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return env | variables


def load(application: str, **variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", f"import {application}"], cwd=EXAMPLES, text=True,
        env=environment(**variables), capture_output=True, timeout=60, check=False,
    )


def test_the_settings_default_is_the_key_the_servers_refuse():
    with mock.patch.dict(os.environ, environment(), clear=True):
        computed = runpy.run_path(str(EXAMPLES / "config" / "settings.py"))
    assert computed["SECRET_KEY"] == COMMITTED_KEY


@pytest.mark.parametrize("application", ["config.wsgi", "config.asgi"])
def test_debug_off_and_the_committed_key_stop_the_application_with_the_fix(application):
    proc = load(application)  # no DJANGO_SECRET_KEY, no DJANGO_DEBUG
    assert proc.returncode == 1
    last_line = proc.stderr.strip().splitlines()[-1]
    assert last_line == f"django.core.exceptions.ImproperlyConfigured: {FIX}"
    assert FIX.startswith("config/settings.py: ")  # the file, then what to set
    assert "Set DJANGO_SECRET_KEY" in FIX


@pytest.mark.parametrize("application", ["config.wsgi", "config.asgi"])
def test_a_key_of_its_own_or_debug_on_lets_it_start(application):
    assert load(application, DJANGO_SECRET_KEY="a" + "Zq8vL2xW9rT4kP7m" * 4).returncode == 0
    assert load(application, DJANGO_DEBUG="1").returncode == 0


def test_make_run_examples_makes_a_private_random_key_once(tmp_path):
    key_file = tmp_path / "key"
    make = ["make", "--no-print-directory", "-s", f"EXAMPLES_SECRET_KEY={key_file}"]
    subprocess.run([*make, str(key_file)], cwd=ROOT, check=True, timeout=60)
    key = key_file.read_text().strip()
    assert len(key) >= 50  # what security.W009 asks for
    assert len(set(key)) >= 5
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    subprocess.run([*make, str(key_file)], cwd=ROOT, check=True, timeout=60)
    assert key_file.read_text().strip() == key  # made once: sessions survive a restart

    dry_run = subprocess.run([*make, "-n", "run-examples"], cwd=ROOT, check=True, timeout=60,
                             capture_output=True, text=True).stdout
    # One shell runs the export and every command after it, so all of them see the key.
    export = f'export DJANGO_SECRET_KEY="${{DJANGO_SECRET_KEY:-$(cat {key_file})}}"'
    recipe = dry_run[dry_run.index("cd examples"):]
    assert recipe.startswith(f"cd examples && {export} && \\")
    for command in ("manage.py migrate", "manage.py seed_all", "manage.py runserver"):
        assert command in recipe
