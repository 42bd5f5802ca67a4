"""The Dockerfile builds a small, non-root, health-checked image whose command really starts."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import resolve

from deploy.validate import DEPLOY, ROOT, find_tool

CONTEXT = DEPLOY.parent  # the build context is examples/


def instructions():
    """(KEYWORD, arguments) pairs, with line continuations joined and comments dropped."""
    text = re.sub(r"\\\n\s*", " ", (DEPLOY / "Dockerfile").read_text())
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, args = line.partition(" ")
            pairs.append((keyword.upper(), args.strip()))
    return pairs


def stages():
    """Instructions grouped by stage: {stage name: [(KEYWORD, arguments), ...]}."""
    result, current = {}, None
    for keyword, args in instructions():
        if keyword == "FROM":
            current = args.split(" AS ")[-1].strip()
            result[current] = []
        elif current is not None:
            result[current].append((keyword, args))
    return result


def final_stage():
    return list(stages().values())[-1]


def exec_form(args):
    return json.loads(args[args.index("["):])


def test_it_is_a_multi_stage_build_that_copies_only_the_environment():
    assert list(stages()) == ["builder", "runtime"]
    copies = [args for keyword, args in final_stage() if keyword == "COPY"]
    assert "--from=builder /opt/venv /opt/venv" in copies
    assert not any(k == "RUN" and "pip install" in a for k, a in final_stage())


def test_requirements_are_installed_before_the_code_is_copied():
    builder = stages()["builder"]
    copy_requirements = builder.index(("COPY", "deploy/requirements.txt /tmp/requirements.txt"))
    install = next(i for i, (k, a) in enumerate(builder) if k == "RUN" and "pip install" in a)
    assert copy_requirements < install
    # The code arrives only in the final stage, after the dependencies are in place.
    assert not any(k == "COPY" and a.startswith(". ") for k, a in builder)
    runtime = final_stage()
    venv = runtime.index(("COPY", "--from=builder /opt/venv /opt/venv"))
    assert venv < runtime.index(("COPY", ". ."))


def test_the_final_user_is_numeric_and_not_root():
    users = [args for keyword, args in final_stage() if keyword == "USER"]
    assert users, "the final stage must switch to a non-root USER"
    uid = users[-1].split(":")[0]
    assert uid.isdigit()
    assert int(uid) != 0


def test_the_healthcheck_calls_the_liveness_endpoint_on_the_exposed_port():
    checks = [args for keyword, args in final_stage() if keyword == "HEALTHCHECK"]
    assert len(checks) == 1
    expose = next(args for keyword, args in final_stage() if keyword == "EXPOSE")
    url = re.search(r"http://127\.0\.0\.1:(\d+)(/\w+)", checks[0])
    assert url.group(1) == expose
    assert resolve(url.group(2), urlconf="deploy.urls").url_name == "healthz"


def test_the_virtual_environment_is_outside_the_code_folder():
    # A bind mount over the code folder (compose.dev.yaml) must not hide the packages.
    workdir = next(args for keyword, args in final_stage() if keyword == "WORKDIR")
    assert not Path("/opt/venv").is_relative_to(workdir)


def test_every_copied_path_exists_in_the_build_context():
    for keyword, args in instructions():
        if keyword == "COPY" and not args.startswith("--from"):
            source = args.split()[0]
            assert (CONTEXT / source).exists(), source


def test_the_command_loads_the_wsgi_application():
    command = exec_form(next(a for k, a in final_stage() if k == "CMD"))
    assert command[:2] == ["gunicorn", "config.wsgi:application"]
    expose = next(args for keyword, args in final_stage() if keyword == "EXPOSE")
    assert command[command.index("--bind") + 1] == f"0.0.0.0:{expose}"
    gunicorn = find_tool("gunicorn", "pip install gunicorn (see examples/deploy/requirements.txt)")
    proc = subprocess.run(
        [gunicorn, "--check-config", *command[1:]],
        cwd=CONTEXT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_missing_dependency_shows_the_error_the_page_quotes(tmp_path):
    # A bare interpreter (-I -S: no site-packages) stands in for an image without the packages.
    proc = subprocess.run(
        [sys.executable, "-I", "-S", "manage.py", "check"],
        cwd=CONTEXT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1] == "ModuleNotFoundError: No module named 'django'"


@pytest.mark.parametrize(
    ("path", "ignored"),
    [
        (".venv/bin/python", True),
        ("catalog/.venv/lib/site.py", True),
        (".git/HEAD", True),
        ("catalog/__pycache__/models.cpython-311.pyc", True),
        ("db.sqlite3", True),
        ("catalog/tests/test_queries.py", True),
        ("deploy/secret.example.yaml", True),
        ("deploy/k8s/deployment.yaml", True),
        ("manage.py", False),
        ("config/wsgi.py", False),
        ("deploy/requirements.txt", False),
        ("deploy/pip.txt", False),
        ("deploy/health.py", False),
    ],
)
def test_the_ignore_file_keeps_junk_out_and_the_app_in(path, ignored):
    assert is_ignored(path) is ignored


def is_ignored(path):
    """Docker's .dockerignore matching, enough for these patterns: the last match wins."""
    result = False
    for line in (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = line.lstrip("!")
        regex = "".join(
            "(.*/)?" if part == "**/" else "[^/]*" if part == "*" else "[^/]" if part == "?"
            else part if part.startswith("[") else re.escape(part)
            for part in re.findall(r"\*\*/|\*|\?|\[[^\]]*\]|[^*?\[]+", pattern)
        )
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if any(re.fullmatch(regex, prefix) for prefix in prefixes):
            result = not negate
    return result


def test_the_runtime_requirements_match_the_project_pins():
    def pins(path):
        found = {}
        for line in path.read_text().splitlines():
            line = line.split("#")[0].strip()
            if "==" in line:  # "name==version \" and then its --hash lines
                name, version = line.split("==")
                found[name.strip().lower()] = version.strip(" \\")
        return found

    runtime = pins(DEPLOY / "requirements.txt")
    project = pins(ROOT / "requirements" / "dev.txt")
    assert {"django", "gunicorn", "celery", "psycopg", "django-environ"} <= set(runtime)
    assert not {"pytest", "ruff", "playwright", "mkdocs"} & set(runtime), "test tools in prod"
    mismatched = {
        name: (version, project[name])
        for name, version in runtime.items()
        if name in project and project[name] != version
    }
    assert mismatched == {}
    # Every runtime package is pinned for development too, at the same version.
    assert set(runtime) - set(project) == set()


def test_every_app_and_middleware_the_settings_load_is_in_the_image(settings):
    # The image installs deploy/requirements.txt only: a package added to the project's pins
    # and to INSTALLED_APPS but not there passes every test and crashes the container at start.
    from importlib.metadata import packages_distributions

    def normalize(name):
        return re.sub(r"[-_.]+", "-", name).lower()

    runtime = {
        normalize(line.split("==")[0])
        for line in (DEPLOY / "requirements.txt").read_text().splitlines()
        if "==" in line
    }
    providers = packages_distributions()
    missing = {}
    for dotted in [*settings.INSTALLED_APPS, *settings.MIDDLEWARE]:
        top = dotted.split(".")[0]
        if (CONTEXT / top).is_dir():  # an app of the examples project, copied with the code
            continue
        distributions = {normalize(d) for d in providers.get(top, [])}
        if not distributions & runtime:
            missing[dotted] = sorted(distributions)
    assert missing == {}, "add these to examples/deploy/requirements.in and re-lock"


def test_the_refused_connection_message_the_page_quotes():
    # What psycopg 3 reports when nothing listens where DATABASE_URL points, as it does for
    # "localhost" inside the web container: the port is free here, so nothing listens on it.
    import socket

    import psycopg

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(psycopg.OperationalError) as error:
        psycopg.connect(f"postgresql://nexus@127.0.0.1:{port}/nexus", connect_timeout=5)
    expected = f'connection failed: connection to server at "127.0.0.1", port {port} failed: '
    assert str(error.value).startswith(expected + "Connection refused")
