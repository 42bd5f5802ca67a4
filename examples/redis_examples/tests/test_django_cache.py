"""Django's RedisCache on the real server (and clear() on a throwaway one), PyMemcacheCache."""

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.base import InvalidCacheKey
from django.test import override_settings

from redis_examples.django_cache import MEMCACHED_CACHE, REDIS_CACHE


# --8<-- [start:test_redis_cache]
@pytest.mark.redis
def test_what_django_stores_in_redis(redis_url, r, suffix):
    config = {**REDIS_CACHE, "LOCATION": redis_url, "KEY_PREFIX": suffix}
    with override_settings(CACHES={"default": config}):
        cache.set("greeting", {"text": "hello"}, timeout=60)
        cache.set("hits", 1)
        assert cache.incr("hits") == 2  # INCR on the server: atomic across processes

        assert sorted(r.scan_iter(match=f"{suffix}:*")) == [
            f"{suffix}:1:greeting",  # KEY_PREFIX:VERSION:key
            f"{suffix}:1:hits",
        ]
        assert r.get(f"{suffix}:1:hits") == "2"  # integers are stored as plain numbers
        assert 55 <= r.ttl(f"{suffix}:1:greeting") <= 60  # timeout= is a Redis TTL
        assert 295 <= r.ttl(f"{suffix}:1:hits") <= 300  # no timeout: the TIMEOUT setting
        assert cache.get("greeting") == {"text": "hello"}  # other values are pickled

        pool = cache._cache.get_client(write=True).connection_pool
        assert pool.connection_kwargs["socket_timeout"] == 1  # OPTIONS reach redis-py
# --8<-- [end:test_redis_cache]


# --8<-- [start:test_clear]
@pytest.mark.redis
def test_clear_empties_the_whole_database_not_just_the_prefix(throwaway):
    server = throwaway()
    ours = {**REDIS_CACHE, "LOCATION": server.url, "KEY_PREFIX": "shop"}
    theirs = {**REDIS_CACHE, "LOCATION": server.url, "KEY_PREFIX": "blog"}
    with override_settings(CACHES={"default": ours, "other": theirs}):
        caches["other"].set("post:1", "cached by another project")
        cache.set("product:1", "ours")
        cache.clear()  # FLUSHDB
        assert caches["other"].get("post:1") is None  # the other project's keys are gone too
# --8<-- [end:test_clear]


# --8<-- [start:test_memcached_cache]
def test_django_on_memcached(memcached_address, suffix):
    host, port = memcached_address
    config = {**MEMCACHED_CACHE, "LOCATION": f"{host}:{port}", "KEY_PREFIX": suffix}
    with override_settings(CACHES={"default": config}):
        try:
            cache.set("greeting", {"text": "hello"}, timeout=60)
            assert cache.get("greeting") == {"text": "hello"}
            cache.set("hits", 1)
            assert cache.incr("hits") == 2
            with pytest.raises(InvalidCacheKey):  # memcached keys: no spaces, 250 bytes
                cache.set("a key with spaces", "x")
        finally:
            cache.delete_many(["greeting", "hits"])
# --8<-- [end:test_memcached_cache]
