"""Pipelines: many commands, one round trip. Counted, not timed, so the tests are exact."""

import redis


# --8<-- [start:counting]
class CountingConnection(redis.Connection):
    """A redis-py connection that counts its network writes: one per round trip."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.round_trips = 0

    def send_packed_command(self, command, check_health=True):
        self.round_trips += 1
        return super().send_packed_command(command, check_health)


def counting_client(url: str) -> redis.Redis:
    """A client whose single connection counts round trips (``client.round_trips()``)."""
    pool = redis.ConnectionPool.from_url(
        url, connection_class=CountingConnection, max_connections=1, decode_responses=True
    )
    client = redis.Redis(connection_pool=pool)
    client.ping()  # connect now, so the handshake is not counted later
    connection = pool.get_connection()
    pool.release(connection)
    connection.round_trips = 0
    client.round_trips = lambda: connection.round_trips
    return client
# --8<-- [end:counting]


# --8<-- [start:pipeline]
def set_prices_one_by_one(r: redis.Redis, prices: dict[str, int]) -> None:
    """One SET per product: one round trip each."""
    for sku, price in prices.items():
        r.set(f"price:{sku}", price)


def set_prices_pipelined(r: redis.Redis, prices: dict[str, int]) -> list:
    """All the SETs in one pipeline: the client sends them together, then reads every reply.

    ``transaction=True`` (redis-py's default) also wraps them in MULTI/EXEC, so no other
    client sees half of the prices; ``transaction=False`` only batches.
    """
    with r.pipeline(transaction=True) as pipe:
        for sku, price in prices.items():
            pipe.set(f"price:{sku}", price)
        return pipe.execute()  # one reply per command, in order
# --8<-- [end:pipeline]
