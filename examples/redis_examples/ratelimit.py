"""Rate limits in Redis: a fixed window (INCR + EXPIRE) and a sliding window (sorted set).

Both take ``now`` as an argument so the tests can move the clock; in a view you pass
``time.time()``. Both are safe with many web processes: the server does the counting.
"""

import uuid

import redis


# --8<-- [start:fixed_window]
def allow_fixed_window(
    r: redis.Redis, user: str, limit: int, window: int, now: float
) -> bool:
    """At most ``limit`` requests per user in each ``window``-second block of the clock.

    One counter per user and block, e.g. ``rate:ada:28800000`` for the block that starts
    at 28800000 * window seconds. INCR counts atomically; EXPIRE ... NX (Redis 7.0+) sets
    the lifetime once, so the key disappears after its block.
    """
    key = f"rate:{user}:{int(now // window)}"
    with r.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expire(key, window, nx=True)
        count, _ = pipe.execute()
    return count <= limit
# --8<-- [end:fixed_window]


# --8<-- [start:sliding_window]
def allow_sliding_window(
    r: redis.Redis, user: str, limit: int, window: float, now: float
) -> bool:
    """At most ``limit`` requests per user in any ``window`` seconds ending now.

    The sorted set holds one member per accepted request, scored by its time. One
    MULTI/EXEC drops entries older than the window, adds this request and counts. A
    refused request is removed again, so refusals do not use up the allowance.
    """
    key = f"rate-sliding:{user}"
    member = f"{now}:{uuid.uuid4().hex}"  # unique, even for two requests at the same time
    with r.pipeline(transaction=True) as pipe:
        pipe.zremrangebyscore(key, "-inf", now - window)  # inclusive: older than the window
        pipe.zadd(key, {member: now})
        pipe.zcard(key)
        pipe.expire(key, int(window) + 1)
        _, _, count, _ = pipe.execute()
    if count > limit:
        r.zrem(key, member)
        return False
    return True
# --8<-- [end:sliding_window]
