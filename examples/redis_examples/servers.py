"""Start a throwaway redis-server for one test, and run redis-cli like a person would.

Tests that change server settings (``maxmemory``, persistence, passwords) never touch the
shared server: they start their own ``redis-server`` on a Unix socket in a temporary folder,
with no TCP port at all (``--port 0``), and stop it afterwards.
"""

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis

CONF = Path(__file__).resolve().parent / "conf"


def missing_tools() -> str | None:
    """Why the throwaway server cannot run here, or None when redis-server and redis-cli exist."""
    missing = [tool for tool in ("redis-server", "redis-cli") if shutil.which(tool) is None]
    if missing:
        return f"{' and '.join(missing)} not installed (Debian: apt-get install redis-server)"
    return None


@dataclass
class Throwaway:
    """A running throwaway server: where it listens and where it keeps its files."""

    socket: Path
    folder: Path
    process: subprocess.Popen

    def client(self, **kwargs) -> redis.Redis:
        return redis.Redis(unix_socket_path=str(self.socket), **kwargs)

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def cli(self, *args: str, user: str | None = None, password: str | None = None) -> str:
        """Run ``redis-cli -s SOCKET [--user USER] ARGS...`` and return what it prints.

        The password travels in the REDISCLI_AUTH variable, not on the command line
        (``-a`` would show it in ``ps`` and make redis-cli print a warning).
        """
        command = ["redis-cli", "-s", str(self.socket)]
        if user is not None:
            command += ["--user", user]
        env = {**os.environ, "REDISCLI_AUTH": password} if password else None
        done = subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            timeout=20,
            stdin=subprocess.DEVNULL,
            env=env,
            check=False,
        )
        return (done.stdout + done.stderr).strip()


def start(folder: Path, *options: str, config_file: Path | None = None) -> Throwaway:
    """Start ``redis-server [config_file] OPTIONS`` on a socket in folder; wait for PING."""
    socket = folder / "redis.sock"
    command = ["redis-server"]
    if config_file is not None:
        command.append(str(config_file))  # the file first: options after it override it
    command += ["--port", "0", "--unixsocket", str(socket), "--dir", str(folder), *options]
    with (folder / "redis.log").open("a") as log:  # the child keeps its own copy of the file
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    server = Throwaway(socket=socket, folder=folder, process=process)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited: {(folder / 'redis.log').read_text()}")
        if socket.exists():
            try:
                with server.client(socket_timeout=1) as client:
                    if client.ping():
                        return server
            except redis.exceptions.AuthenticationError:
                return server  # it answers, and wants a password: up
            except redis.exceptions.ConnectionError:
                pass
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not answer PING within 10 seconds")


def stop(server: Throwaway, *, crash: bool = False) -> None:
    """Stop the server: SIGTERM (a clean shutdown), or SIGKILL to simulate a crash."""
    if server.process.poll() is None:
        if crash:
            server.process.kill()
        else:
            server.process.terminate()
        server.process.wait(timeout=20)


@contextmanager
def throwaway_redis(*options: str, config_file: Path | None = None) -> Iterator[Throwaway]:
    """A redis-server of our own for the duration of a ``with`` block."""
    with tempfile.TemporaryDirectory(prefix="nexus-redis-") as folder:
        server = start(Path(folder), *options, config_file=config_file)
        try:
            yield server
        finally:
            stop(server, crash=True)  # a test server keeps nothing: no need to save
