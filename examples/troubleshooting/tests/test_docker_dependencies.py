"""Why the container says "No module named ...": before (configs/) versus after (deploy/)."""

import subprocess
import sys

import yaml

from troubleshooting.docker_checks import (
    code_copied_before_install,
    hidden_by_mounts,
    missing_copy_sources,
)

from .validators import CONFIGS, DEPLOY, ROOT, check

BEFORE = CONFIGS / "docker_dependencies" / "before.Dockerfile"
BEFORE_COMPOSE = CONFIGS / "docker_dependencies" / "compose.before.yaml"
AFTER = DEPLOY / "Dockerfile"
EXAMPLES = DEPLOY.parent


def web(compose_file):
    return yaml.safe_load(compose_file.read_text())["services"]["web"]


# --8<-- [start:tests]
def test_the_bind_mount_hides_the_packages_only_in_the_before_setup():
    assert hidden_by_mounts(BEFORE, web(BEFORE_COMPOSE)) == ["/app/.venv"]
    assert hidden_by_mounts(AFTER, web(DEPLOY / "compose.dev.yaml")) == []


def test_requirements_are_installed_before_the_code_is_copied_only_after_the_fix():
    assert code_copied_before_install(BEFORE) is True
    assert code_copied_before_install(AFTER) is False


def test_the_wrong_build_context_misses_the_requirements_file():
    missing = ["deploy/requirements.txt", "deploy/pip.txt"]
    assert missing_copy_sources(AFTER, context=ROOT) == missing
    assert missing_copy_sources(AFTER, context=EXAMPLES) == []
# --8<-- [end:tests]


def test_the_validators_accept_both_files_so_lint_alone_does_not_catch_it():
    # The broken setup is valid Dockerfile and valid Compose: only the checks above see it.
    assert check("hadolint", BEFORE) == (0, "")
    code, output = check("compose_schema", BEFORE_COMPOSE)
    assert code == 0, output


def test_an_interpreter_without_the_packages_fails_with_the_quoted_error():
    # -I -S: no site-packages, as in a container whose packages are hidden or never installed.
    proc = subprocess.run(
        [sys.executable, "-I", "-S", "manage.py", "check"],
        cwd=EXAMPLES, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1] == "ModuleNotFoundError: No module named 'django'"
