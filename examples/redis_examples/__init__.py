"""Redis examples: data types, expiry and eviction, pipelines, pub/sub, rate limits, caching.

Plain modules with tests; they run against the Redis server of ``tools.services.REDIS``
and, for anything that changes server settings, against a throwaway ``redis-server``
started by the test (``servers.throwaway_redis``). The Memcached comparison runs against
``tools.services.MEMCACHED``.
"""
