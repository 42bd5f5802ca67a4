"""Django's cache on Redis and on Memcached: the settings, and what lands on the server."""

# --8<-- [start:caches]
# Django 5.2's built-in Redis backend (redis-py underneath). OPTIONS go to redis-py's
# connection pool: with timeouts, a Redis that stops answering fails a request in about a
# second instead of hanging it.
REDIS_CACHE = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "redis://127.0.0.1:6379/1",  # database 1: keep the cache apart from Celery
    "KEY_PREFIX": "nexus",  # keys become nexus:1:<key> (prefix, version, key)
    "TIMEOUT": 300,
    "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
}

# The same API on Memcached through pymemcache (pip install pymemcache).
MEMCACHED_CACHE = {
    "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
    "LOCATION": "127.0.0.1:11211",
    "KEY_PREFIX": "nexus",
    "TIMEOUT": 300,
    "OPTIONS": {"connect_timeout": 1, "timeout": 1},
}
# --8<-- [end:caches]
