"""Memcached through pymemcache: a plain cache of bytes, for comparison with Redis."""

from pymemcache import serde
from pymemcache.client.base import Client


# --8<-- [start:client]
def memcached_client(host: str = "127.0.0.1", port: int = 11211) -> Client:
    """A pymemcache client that waits for the server's answer to every write.

    pymemcache's default is ``default_noreply=True``: set() does not wait for the reply
    and returns True even when the server refused the value. Django's PyMemcacheCache
    turns that off; do the same. pickle_serde stores Python objects (ints, dicts, ...).
    """
    return Client(
        (host, port),
        serde=serde.pickle_serde,
        connect_timeout=1,
        timeout=1,
        default_noreply=False,
    )
# --8<-- [end:client]


# --8<-- [start:cache_aside]
def cached_price(client: Client, sku: str, load) -> int:
    """Cache-aside on Memcached: get, or load and set with a TTL of 5 minutes."""
    key = f"price:{sku}"
    price = client.get(key)
    if price is None:
        price = load(sku)
        client.set(key, price, expire=300)
    return price
# --8<-- [end:cache_aside]
