import configparser
import copy
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

from tools.services import services_required

PGBOUNCER_INI = Path(__file__).resolve().parents[1] / "pgbouncer" / "pgbouncer.ini"


@pytest.fixture
def postgresql_database(db) -> dict:
    """A copy of the test database's settings, when the tests run on PostgreSQL.

    Connection counts only mean something on a real server, so these tests run in the
    "examples on PostgreSQL" lane (DATABASE_URL=postgres://...) and skip in the others.
    """
    if connection.vendor != "postgresql":
        pytest.skip(
            f"needs PostgreSQL: runs with DATABASE_URL=postgres://... (this run uses "
            f"{connection.vendor})"
        )
    database = copy.deepcopy(connection.settings_dict)
    database["OPTIONS"].pop("pool", None)
    return {**database, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False}


@pytest.fixture
def pgbouncer(postgresql_database) -> tuple[str, int]:
    """Run PgBouncer with pooling/pgbouncer/pgbouncer.ini, in front of the test database.

    Changed from the file: the addresses, trust authentication (as the test server uses),
    and two server connections, so that the tests know which one each client gets. On
    PgBouncer 1.21 and later, prepared-statement tracking is switched off
    (max_prepared_statements = 0, the default before 1.24), so every version shows the
    failure the tests expect.
    """
    binary = shutil.which("pgbouncer")
    if binary is None:
        reason = "pgbouncer not installed (Debian: apt-get install pgbouncer)"
        if services_required():
            pytest.fail(f"{reason} (NEXUS_REQUIRE_SERVICES=1 makes this a failure)", pytrace=False)
        pytest.skip(reason)
    config = configparser.ConfigParser()
    config.read(PGBOUNCER_INI)
    name = postgresql_database["NAME"]
    host = postgresql_database["HOST"] or "127.0.0.1"
    server_port = postgresql_database["PORT"] or 5432
    config["databases"] = {name: f"host={host} port={server_port} dbname={name}"}
    port = free_port()
    directory = Path(tempfile.mkdtemp(prefix="nexus-pgbouncer-"))
    directory.chmod(0o755)  # PgBouncer refuses to run as root: it drops to nobody
    users = directory / "userlist.txt"
    users.write_text(f'"{postgresql_database["USER"]}" "{postgresql_database["PASSWORD"]}"\n')
    users.chmod(0o644)
    config["pgbouncer"].update(
        listen_addr="127.0.0.1", listen_port=str(port), unix_socket_dir="",
        auth_type="trust", auth_file=str(users), default_pool_size="2",
    )
    if pgbouncer_version(binary) >= (1, 21):
        config["pgbouncer"]["max_prepared_statements"] = "0"
    ini = directory / "pgbouncer.ini"
    with ini.open("w") as file:
        config.write(file)
    ini.chmod(0o644)
    command = [binary, str(ini)]
    if os.geteuid() == 0:
        command[1:1] = ["-u", "nobody"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, process)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        shutil.rmtree(directory)


def pgbouncer_version(binary: str) -> tuple[int, ...]:
    """(1, 18, 0) from the first line of ``pgbouncer --version``: "PgBouncer 1.18.0"."""
    output = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True)
    return tuple(int(part) for part in output.stdout.split()[1].split("."))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"pgbouncer exited: {process.stdout.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("pgbouncer did not start listening within 10 s")
