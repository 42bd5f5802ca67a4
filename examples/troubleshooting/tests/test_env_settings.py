"""A hard-coded secret versus one read from the environment, and a .env file kept out of git."""

import inspect
import subprocess

import pytest
from deploy.tests.test_dockerfile import is_ignored
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from troubleshooting import env_settings
from troubleshooting.env_settings import production_settings, settings_before

from .validators import ROOT

VARIABLES = ("DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DATABASE_URL")
DEFAULT_SECRET_KEY = "insecure-example-key-for-local-use-only"  # as in config/settings.py


@pytest.fixture
def clean_environment(monkeypatch):
    """No settings variables set; anything a test or a .env file adds is removed afterwards."""
    for name in VARIABLES:
        monkeypatch.setenv(name, "")  # recorded, so teardown restores the original state
        monkeypatch.delenv(name)
    return monkeypatch


def test_the_deployment_check_flags_the_hard_coded_key():
    with override_settings(SECRET_KEY=settings_before()["SECRET_KEY"]):
        messages = run_checks(include_deployment_checks=True, tags=["security"])
    w009 = next(m for m in messages if m.id == "security.W009")
    assert str(w009).startswith(
        "?: (security.W009) Your SECRET_KEY has less than 50 characters, less than 5 unique "
        "characters, or it's prefixed with 'django-insecure-'"
    )


def test_the_examples_default_key_fails_the_deployment_check():
    # config/settings.py falls back to a committed key when DJANGO_SECRET_KEY is unset.
    # DEBUG being off does not stop Django from using it; the deployment check flags it.
    settings_source = (ROOT / "examples" / "config" / "settings.py").read_text()
    assert f'env("DJANGO_SECRET_KEY", default="{DEFAULT_SECRET_KEY}")' in settings_source
    with override_settings(SECRET_KEY=DEFAULT_SECRET_KEY, DEBUG=False):
        messages = run_checks(include_deployment_checks=True, tags=["security"])
    assert "security.W009" in {m.id for m in messages}


# --8<-- [start:tests]
def test_the_hard_coded_secret_is_in_the_source_and_ignores_the_environment(clean_environment):
    clean_environment.setenv("DJANGO_SECRET_KEY", "from-the-environment")
    secret = settings_before()["SECRET_KEY"]
    assert secret != "from-the-environment"  # changing it means editing and redeploying code
    assert secret in inspect.getsource(env_settings)  # whoever reads the repository has it


def test_a_missing_variable_stops_start_up_with_a_clear_message(clean_environment):
    with pytest.raises(ImproperlyConfigured) as error:
        production_settings()
    assert str(error.value) == "Set the DJANGO_SECRET_KEY environment variable"


def test_values_come_from_the_environment(clean_environment):
    clean_environment.setenv("DJANGO_SECRET_KEY", "k" * 50)
    clean_environment.setenv("DATABASE_URL", "postgres://app:pw@db:5432/nexus")
    settings = production_settings()
    assert settings["SECRET_KEY"] == "k" * 50
    assert settings["DEBUG"] is False  # the declared default
    assert settings["DATABASES"]["default"]["HOST"] == "db"


def test_a_dot_env_file_fills_in_only_what_the_environment_lacks(clean_environment, tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "DJANGO_SECRET_KEY=from-the-file\nDJANGO_DEBUG=true\nDATABASE_URL=sqlite:///db.sqlite3\n"
    )
    clean_environment.setenv("DJANGO_SECRET_KEY", "from-the-environment")
    settings = production_settings(env_file)
    assert settings["SECRET_KEY"] == "from-the-environment"
    assert settings["DEBUG"] is True


def test_dot_env_files_stay_out_of_git_and_out_of_the_image():
    checked = subprocess.run(
        ["git", "check-ignore", "--no-index", "examples/.env"], cwd=ROOT,
        capture_output=True, text=True, check=False,
    )
    assert checked.returncode == 0, "add .env to .gitignore"
    assert is_ignored(".env")
    assert is_ignored("config/.env")
# --8<-- [end:tests]
