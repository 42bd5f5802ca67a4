"""pymemcache against the real memcached server: what it does, and what it does not."""

import pytest
from pymemcache.exceptions import MemcacheIllegalInputError, MemcacheServerError

from redis_examples import memcached


@pytest.fixture
def mc(memcached_address, suffix):
    client = memcached.memcached_client(*memcached_address)
    client.keys_used = []
    yield client
    for key in client.keys_used:
        client.delete(key)
    client.close()


# --8<-- [start:test_memcached]
def test_cache_aside_on_memcached(mc, suffix):
    loads = []

    def load(sku):
        loads.append(sku)
        return 1299

    sku = f"{suffix}-lamp"
    mc.keys_used.append(f"price:{sku}")
    assert memcached.cached_price(mc, sku, load) == 1299
    assert memcached.cached_price(mc, sku, load) == 1299
    assert loads == [sku]  # the second call was a hit


def test_memcached_stores_values_and_counters_nothing_more(mc, suffix):
    key = f"{suffix}-hits"
    mc.keys_used.append(key)
    mc.set(key, "10", expire=60)
    assert mc.incr(key, 5) == 15  # counters on decimal strings: atomic on the server
    assert mc.incr(f"{suffix}-missing", 1) is None  # no key: no counter (Redis would start at 0)
    assert mc.add(key, "99") is False  # add = set if absent (SET NX in Redis)


def test_memcached_limits(mc, suffix):
    key = f"{suffix}-big"
    mc.keys_used.append(key)
    with pytest.raises(MemcacheServerError, match="object too large for cache"):
        mc.set(key, b"x" * (2 * 1024 * 1024))  # above the 1 MB item size limit (-I)
    with pytest.raises(MemcacheIllegalInputError, match="Key contains whitespace"):
        mc.set("a key with spaces", "x")
    with pytest.raises(MemcacheIllegalInputError, match="Key is too long"):
        mc.set("k" * 251, "x")  # 250 bytes at most
    assert mc.stats("settings")[b"item_size_max"] == 1024 * 1024
# --8<-- [end:test_memcached]


# --8<-- [start:test_noreply]
def test_pymemcache_default_noreply_hides_refused_writes(memcached_address, suffix):
    from pymemcache.client.base import Client

    careless = Client(memcached_address)  # pymemcache's default: default_noreply=True
    try:
        assert careless.set(f"{suffix}-big", b"x" * (2 * 1024 * 1024)) is True  # "stored"...
        assert careless.get(f"{suffix}-big") is None  # ...but the server refused it
    finally:
        careless.close()
# --8<-- [end:test_noreply]
