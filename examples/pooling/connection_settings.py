"""Three ways to configure the connections of ``DATABASES["default"]``.

Each function takes the dictionary ``env.db("DATABASE_URL")`` returns and adds the keys for
one strategy, so a settings file reads::

    DATABASES = {"default": pooled(env.db("DATABASE_URL"))}
"""


# --8<-- [start:per_request]
def per_request(database: dict) -> dict:
    """Django's default: open a connection for each request, close it at the end."""
    return {**database, "CONN_MAX_AGE": 0}
# --8<-- [end:per_request]


# --8<-- [start:persistent]
def persistent(database: dict) -> dict:
    """Keep each thread's connection open between requests, for up to a minute."""
    return {
        **database,
        "CONN_MAX_AGE": 60,  # seconds; None keeps it forever
        "CONN_HEALTH_CHECKS": True,  # test a reused connection before the request uses it
    }
# --8<-- [end:persistent]


# --8<-- [start:pooled]
def pooled(database: dict, min_size: int = 2, max_size: int = 4) -> dict:
    """Share a pool of connections between the threads of the process (Django 5.1+)."""
    return {
        **database,
        "CONN_MAX_AGE": 0,  # the pool keeps the connections; Django must not
        "OPTIONS": {
            **database.get("OPTIONS", {}),
            # Passed to psycopg_pool.ConnectionPool; needs pip install "psycopg[pool]".
            "pool": {"min_size": min_size, "max_size": max_size, "timeout": 10},
        },
    }
# --8<-- [end:pooled]


# --8<-- [start:pgbouncer]
def behind_pgbouncer(database: dict, host: str, port: int) -> dict:
    """Talk to PgBouncer in transaction mode instead of to PostgreSQL itself."""
    return {
        **database,
        "HOST": host,
        "PORT": port,
        # The next statement may run on another server connection: a cursor declared
        # on the previous one is not there. QuerySet.iterator() then reads all rows at once.
        "DISABLE_SERVER_SIDE_CURSORS": True,
        # Django 5.2 with psycopg 3 sends no server-side prepared statements by default
        # (OPTIONS "prepare_threshold" is None): keep it that way behind PgBouncer.
    }
# --8<-- [end:pgbouncer]
