"""The database host must be a name that resolves where Django runs: a Compose service's name.

No Docker engine runs these tests. They reproduce the resolver errors for real (the name
"db" resolves nowhere on this machine, as on a laptop outside Compose), connect through a
name that does resolve when a PostgreSQL server is reachable, and check that every URL in
compose.yaml names a service of the same file.
"""

import os
import shutil
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import yaml

from deploy.validate import DEPLOY
from tools.services import POSTGRESQL, services_required

EXAMPLES = DEPLOY.parent
CONNECT = (
    "from django.db import connection; connection.ensure_connection(); print(connection.vendor)"
)


# --8<-- [start:unknown_hosts]
def unknown_hosts(compose: dict) -> dict[str, str]:
    """Each URL of a service's environment whose host is not a service of the same file.

    Inside a Compose network a service is reachable at its own name, and at no other, so a
    host that names no service cannot resolve there.

    Args:
        compose: The parsed Compose file.

    Returns:
        ``{"service.VARIABLE": host}`` for every such URL; empty when all hosts resolve.

    """
    services = compose["services"]
    problems = {}
    for name, service in services.items():
        for variable, value in (service.get("environment") or {}).items():
            host = urlsplit(str(value)).hostname if "://" in str(value) else None
            if host and host not in services:
                problems[f"{name}.{variable}"] = host
    return problems
# --8<-- [end:unknown_hosts]


def unresolvable(host):
    """The resolver's error for a host name, or skip when the name resolves on this machine."""
    try:
        socket.getaddrinfo(host, 5432)
    except socket.gaierror as error:
        return error
    pytest.skip(f"{host!r} resolves on this machine, so its lookup cannot fail here")


def manage_py(*args, database_url):
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=EXAMPLES, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


# --8<-- [start:test_symptom]
def test_django_reports_the_name_it_could_not_resolve():
    error = unresolvable("db")  # e.g. "[Errno -2] Name or service not known"
    # What a laptop shell does with the Compose file's URL: the name "db" means nothing here.
    proc = manage_py("migrate", database_url="postgres://nexus:nexus@db:5432/nexus")
    assert proc.returncode == 1
    last_line = proc.stderr.strip().splitlines()[-1]
    assert last_line == f"django.db.utils.OperationalError: failed to resolve host 'db': {error}"


def test_libpq_words_the_same_failure_differently():
    # psql, and drivers that leave the lookup to libpq, print libpq's own message.
    from psycopg import pq

    error = unresolvable("db")
    conn = pq.PGconn.connect(b"host=db port=5432 dbname=nexus user=nexus connect_timeout=5")
    assert conn.status == pq.ConnStatus.BAD
    expected = f'could not translate host name "db" to address: {error.strerror}'
    assert conn.get_error_message().strip() == expected
    conn.finish()
# --8<-- [end:test_symptom]


def test_psql_prints_the_libpq_message():
    psql = shutil.which("psql")
    if psql is None:
        pytest.skip("psql is not installed")
    error = unresolvable("db")
    proc = subprocess.run(
        [psql, "-h", "db", "-U", "nexus", "-d", "nexus", "-c", "select 1"],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PGCONNECT_TIMEOUT": "5"},
    )
    assert proc.returncode == 2
    expected = f'psql: error: could not translate host name "db" to address: {error.strerror}'
    assert proc.stderr.strip() == expected


# --8<-- [start:test_fix]
def test_the_same_command_connects_once_the_host_name_resolves():
    reason = POSTGRESQL.unreachable_reason()
    if reason is not None:
        if services_required():
            pytest.fail(f"{reason} (NEXUS_REQUIRE_SERVICES=1 makes this a failure)", pytrace=False)
        pytest.skip(reason)
    # "localhost" stands in for a Compose service name: a name the resolver knows. The
    # "postgres" database exists on every server, so only the host name is under test.
    url = urlsplit(POSTGRESQL.url)
    netloc = url.netloc.replace(url.hostname, "localhost")
    by_name = url._replace(netloc=netloc, path="/postgres").geturl()
    assert urlsplit(by_name).hostname == "localhost"
    proc = manage_py("shell", "--no-imports", "-c", CONNECT, database_url=by_name)  # Verify
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "postgresql"


def test_every_url_in_compose_names_one_of_its_services(compose):
    assert unknown_hosts(compose) == {}
    # The same file with the host renamed, as in a tutorial whose service is called "db":
    renamed = (DEPLOY / "compose.yaml").read_text().replace("@postgres:5432", "@db:5432")
    problems = unknown_hosts(yaml.safe_load(renamed))
    assert set(problems.values()) == {"db"}
    assert {"web.DATABASE_URL", "worker.DATABASE_URL", "migrate.DATABASE_URL"} <= set(problems)


def test_the_database_is_reachable_only_inside_the_compose_network(compose):
    # No published port: from the host, neither "postgres" nor localhost:5432 reaches it.
    # Run management commands in a container of the project instead (docker compose exec).
    assert "ports" not in compose["services"]["postgres"]
    assert compose["services"]["postgres"]["healthcheck"]["test"]
# --8<-- [end:test_fix]
