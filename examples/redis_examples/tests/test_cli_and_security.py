"""redis-cli as a learner uses it, MONITOR's caveat, and the security settings of Redis 7."""

import threading
import time

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from redis_examples import security

pytestmark = pytest.mark.redis


# --8<-- [start:test_cli]
def test_redis_cli_basics(throwaway):
    server = throwaway()
    for n in range(250):
        server.client().set(f"session:{n}", "x")
    server.client().set("cart:1", "x")

    assert server.cli("PING") == "PONG"
    memory = server.cli("INFO", "memory")
    assert "used_memory_human:" in memory
    assert "maxmemory_policy:noeviction" in memory

    # --scan walks the keyspace with SCAN, a few keys per call: the server stays responsive.
    # KEYS session:* would build the whole answer in one blocking command.
    found = server.cli("--scan", "--pattern", "session:*").splitlines()
    assert len(found) == 250
    assert "cart:1" not in found

    # --latency pings for as long as it runs; without a terminal it prints one line
    # "min max avg samples" (milliseconds) after about a second and exits.
    minimum, maximum, average, samples = server.cli("--latency").split()
    assert float(minimum) <= float(average) <= float(maximum)
    assert int(samples) > 0
# --8<-- [end:test_cli]


# --8<-- [start:test_monitor]
def test_monitor_shows_every_command_with_its_values(throwaway):
    server = throwaway()
    seen: list[str] = []

    def watch():
        with server.client(decode_responses=True).monitor() as monitor:
            for command in monitor.listen():
                seen.append(command["command"])
                if command["command"] == "GET stop":
                    return

    watcher = threading.Thread(target=watch)
    watcher.start()
    time.sleep(0.3)  # let MONITOR start
    server.client().set("session:42", "user=ada;token=abc123")
    server.client().get("stop")
    watcher.join(timeout=10)

    # Whoever runs MONITOR reads every value written: tokens, e-mail addresses, ...
    assert "SET session:42 user=ada;token=abc123" in seen
# --8<-- [end:test_monitor]


# --8<-- [start:test_defaults]
def test_redis_7_security_defaults(throwaway):
    server = throwaway()  # no configuration file: the compiled-in defaults
    client = server.client(decode_responses=True)
    assert client.config_get("bind") == {"bind": "* -::*"}  # every interface
    assert client.config_get("protected-mode") == {"protected-mode": "yes"}
    assert client.config_get("requirepass") == {"requirepass": ""}
    assert client.acl_list() == ["user default on nopass ~* &* +@all"]  # no password
    assert client.config_get("tls-port") == {"tls-port": "0"}  # TLS built in, turned off
    # Redis 7 no longer lets a client move its data files (an old way to take over servers).
    assert server.cli("CONFIG", "SET", "dir", "/tmp") == (
        "ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config"
    )
# --8<-- [end:test_defaults]


# --8<-- [start:test_acl]
def test_an_acl_user_reaches_only_its_keys_and_commands(throwaway):
    server = throwaway()
    admin = server.client(decode_responses=True)
    security.create_app_user(admin, "app", "app-password", "app:*")
    security.lock_default_user(admin, "admin-password")

    no_retry = Retry(NoBackoff(), 0)  # redis-py 8 retries a refused login 3 times by default
    with pytest.raises(redis.exceptions.AuthenticationError):
        server.client(retry=no_retry).ping()  # no user, no password: refused
    assert server.cli("PING") == "NOAUTH Authentication required."

    app = server.client(username="app", password="app-password", decode_responses=True)
    assert app.set("app:greeting", "hello")
    assert app.get("app:greeting") == "hello"
    with pytest.raises(redis.exceptions.NoPermissionError) as error:
        app.set("billing:1", "x")  # outside ~app:*
    assert str(error.value) == (
        "this user has no permissions to access one of the keys used as arguments"
    )
    with pytest.raises(redis.exceptions.NoPermissionError):
        app.flushall()  # @dangerous
    assert (
        server.cli("FLUSHALL", user="app", password="app-password")
        == "NOPERM this user has no permissions to run the 'flushall' command"
    )
    with pytest.raises(redis.exceptions.AuthenticationError) as error:
        server.client(username="app", password="wrong", retry=no_retry).ping()
    assert str(error.value) == "invalid username-password pair or user is disabled."
# --8<-- [end:test_acl]
