"""RDB and AOF on throwaway servers: write, crash (SIGKILL) or stop, start again, and look."""

import pytest

from redis_examples import persistence, servers

pytestmark = pytest.mark.redis


# --8<-- [start:test_defaults]
def test_redis_7_defaults_snapshot_and_no_aof(throwaway):
    server = throwaway()  # redis-server with no configuration at all
    settings = persistence.persistence_settings(server.client(decode_responses=True))
    # RDB snapshot after 3600 s if 1 key changed, after 300 s if 100, after 60 s if 10000
    assert settings["save"] == "3600 1 300 100 60 10000"
    assert settings["appendonly"] == "no"
    assert settings["appendfsync"] == "everysec"  # what the AOF would use once turned on
    assert settings["dbfilename"] == "dump.rdb"


def test_the_shared_test_server_persists_nothing(r):
    settings = persistence.persistence_settings(r)
    assert settings["save"] == ""  # started with --save "": no snapshots
    assert settings["appendonly"] == "no"
# --8<-- [end:test_defaults]


def restart(server: servers.Throwaway, *options: str, crash: bool) -> servers.Throwaway:
    """Stop the server (SIGKILL when crash) and start a new one on the same folder."""
    servers.stop(server, crash=crash)
    return servers.start(server.folder, *options)


# --8<-- [start:test_rdb]
def test_rdb_loses_what_was_written_after_the_last_snapshot(throwaway):
    options = ("--save", "3600 1", "--appendonly", "no")
    server = throwaway(*options)
    client = server.client(decode_responses=True)
    client.set("order:1", "paid")
    client.save()  # write dump.rdb now (BGSAVE does it in a forked child)
    client.set("order:2", "paid")  # after the snapshot

    server = restart(server, *options, crash=True)  # kill -9: no chance to save again
    try:
        client = server.client(decode_responses=True)
        assert client.get("order:1") == "paid"
        assert client.get("order:2") is None  # lost with the crash
    finally:
        servers.stop(server, crash=True)
# --8<-- [end:test_rdb]


# --8<-- [start:test_aof]
def test_the_aof_keeps_every_acknowledged_write_through_a_crash(throwaway):
    options = ("--save", "", "--appendonly", "yes", "--appendfsync", "everysec")
    server = throwaway(*options)
    server.client().set("order:2", "paid")

    server = restart(server, *options, crash=True)
    try:
        assert server.client(decode_responses=True).get("order:2") == "paid"
        assert (server.folder / "appendonlydir").is_dir()  # Redis 7: a folder of AOF files
    finally:
        servers.stop(server, crash=True)


def test_without_persistence_a_restart_starts_empty(throwaway):
    options = ("--save", "", "--appendonly", "no")
    server = throwaway(*options)
    server.client().set("order:3", "paid")

    server = restart(server, *options, crash=False)  # even a clean shutdown keeps nothing
    try:
        assert server.client().dbsize() == 0
    finally:
        servers.stop(server, crash=True)
# --8<-- [end:test_aof]


def test_a_clean_shutdown_saves_a_snapshot_when_save_points_exist(throwaway):
    options = ("--save", "3600 1", "--appendonly", "no")
    server = throwaway(*options)
    server.client().set("order:4", "paid")  # no SAVE by hand this time

    server = restart(server, *options, crash=False)  # SIGTERM: Redis saves before it exits
    try:
        assert server.client(decode_responses=True).get("order:4") == "paid"
        snapshot = persistence.last_snapshot(server.client())
        assert snapshot["aof_enabled"] == 0
        assert snapshot["rdb_changes_since_last_save"] == 0
    finally:
        servers.stop(server, crash=True)
