"""What a full Redis does: refuse writes (noeviction) or evict keys (allkeys-lru).

The tests run these functions on throwaway servers started from ``conf/*.conf`` with a
tiny ``maxmemory``; the shared server's settings are only read, never changed.
"""

import redis


# --8<-- [start:settings]
def memory_settings(r: redis.Redis) -> dict[str, str]:
    """The two settings that decide what happens when Redis is full (CONFIG GET)."""
    return {
        "maxmemory": r.config_get("maxmemory")["maxmemory"],  # "0" means no limit
        "maxmemory-policy": r.config_get("maxmemory-policy")["maxmemory-policy"],
    }
# --8<-- [end:settings]


# --8<-- [start:fill]
def fill_cache(
    r: redis.Redis, count: int, size: int = 10_000, ttl: int | None = 3600
) -> int:
    """Write ``count`` entries of ``size`` bytes (with a TTL unless ``ttl`` is None).

    Raises redis.exceptions.OutOfMemoryError at the first write Redis refuses.
    """
    for written in range(count):
        r.set(f"cache:page:{written}", b"x" * size, ex=ttl)
    return count
# --8<-- [end:fill]


# --8<-- [start:report]
def memory_report(r: redis.Redis) -> dict[str, object]:
    """What to look at on a full server: INFO memory and the eviction counter."""
    memory, stats = r.info("memory"), r.info("stats")
    return {
        "used_memory_human": memory["used_memory_human"],
        "maxmemory_human": memory["maxmemory_human"],
        "maxmemory_policy": memory["maxmemory_policy"],
        "evicted_keys": stats["evicted_keys"],
        "keys": r.dbsize(),
    }
# --8<-- [end:report]
