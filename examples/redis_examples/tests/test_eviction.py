"""Memory limits and eviction: read on the shared server, changed only on throwaway servers."""

from pathlib import Path

import pytest
import redis
from django.core.cache import cache
from django.test import override_settings

from redis_examples import eviction
from redis_examples.servers import CONF

pytestmark = pytest.mark.redis

OUTPUTS = Path(__file__).resolve().parent.parent / "outputs"
OOM = "OOM command not allowed when used memory > 'maxmemory'."
TINY = ("--maxmemory", "2mb")  # after the file, so it overrides the file's 100mb


# --8<-- [start:test_defaults]
def test_the_shared_server_has_no_limit_and_never_evicts(r):
    # Read only: CONFIG GET. Never CONFIG SET on a server other people use.
    assert eviction.memory_settings(r) == {"maxmemory": "0", "maxmemory-policy": "noeviction"}


def test_the_built_in_defaults_of_redis_7(throwaway):
    server = throwaway()  # no config file, no options: redis-server's own defaults
    assert eviction.memory_settings(server.client(decode_responses=True)) == {
        "maxmemory": "0",
        "maxmemory-policy": "noeviction",
    }
# --8<-- [end:test_defaults]


# --8<-- [start:test_oom]
def test_noeviction_refuses_writes_when_full(throwaway):
    server = throwaway(*TINY, config_file=CONF / "cache-before.conf")
    client = server.client()
    assert eviction.memory_settings(client)["maxmemory-policy"] == "noeviction"

    with pytest.raises(redis.exceptions.OutOfMemoryError) as error:
        eviction.fill_cache(client, count=1000)
    assert f"{error.value.status_code} {error.value}" == OOM  # redis-py strips the "OOM "
    assert client.get("cache:page:0") is not None  # reads still work
    assert eviction.memory_report(client)["evicted_keys"] == 0

    # redis-cli prints the server's reply as it is; the page shows this file.
    printed = server.cli("SET", "one-more", "value")
    assert printed == OOM
    assert printed == (OUTPUTS / "oom_redis_cli.txt").read_text().strip()
    assert client.info("errorstats")["errorstat_OOM"]["count"] == 2  # what to alert on
# --8<-- [end:test_oom]


def test_a_django_cache_write_raises_when_redis_is_full(throwaway):
    server = throwaway(*TINY, config_file=CONF / "cache-before.conf")
    config = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": server.url}
    with override_settings(CACHES={"default": config}):
        for n in range(150):  # about 1.5 MB: the server is full after some 100 of these
            try:
                cache.set(f"page:{n}", "x" * 10_000)
            except redis.exceptions.OutOfMemoryError as exc:
                error = exc
                break
        else:
            pytest.fail("the full server accepted every write")
        assert n > 0  # the first writes fitted
        assert str(error) == "command not allowed when used memory > 'maxmemory'."
        assert cache.get("page:0") == "x" * 10_000  # reads still work


# --8<-- [start:test_lru]
def test_allkeys_lru_evicts_the_least_recently_used_keys_instead(throwaway):
    server = throwaway(*TINY, config_file=CONF / "cache.conf")
    client = server.client()
    assert eviction.memory_settings(client)["maxmemory-policy"] == "allkeys-lru"

    assert eviction.fill_cache(client, count=1000) == 1000  # every write succeeds
    report = eviction.memory_report(client)
    assert report["evicted_keys"] > 0
    assert report["keys"] < 1000  # the oldest entries made room for the new ones
    assert client.exists("cache:page:0") == 0  # written first, never read again: evicted
    assert client.exists("cache:page:999") == 1  # the newest entry is there
# --8<-- [end:test_lru]


# --8<-- [start:test_volatile]
def test_volatile_lru_only_evicts_keys_with_a_ttl(throwaway):
    server = throwaway(*TINY, "--maxmemory-policy", "volatile-lru")
    client = server.client()
    with pytest.raises(redis.exceptions.OutOfMemoryError):  # no TTLs: nothing to evict
        eviction.fill_cache(client, count=1000, ttl=None)

    client.flushall()  # our own throwaway server: safe to empty
    assert eviction.fill_cache(client, count=1000, ttl=3600) == 1000  # TTLs: evictable
    assert eviction.memory_report(client)["evicted_keys"] > 0
# --8<-- [end:test_volatile]


def test_the_broker_config_never_evicts_and_keeps_an_append_only_file(throwaway):
    server = throwaway(*TINY, config_file=CONF / "broker.conf")
    client = server.client(decode_responses=True)
    assert eviction.memory_settings(client)["maxmemory-policy"] == "noeviction"
    assert client.config_get("appendonly") == {"appendonly": "yes"}
    with pytest.raises(redis.exceptions.OutOfMemoryError):
        eviction.fill_cache(client, count=1000)
