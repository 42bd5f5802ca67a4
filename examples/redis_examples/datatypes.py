"""Redis's five everyday data types, each as a small feature, with the redis-py calls.

Every function takes the client and the key (or a key prefix), so the tests can give each
run keys of its own on a shared server. Commands are in the comments: redis-py's method
names follow them (``r.incr`` is ``INCR``, ``r.zadd`` is ``ZADD``).
"""

import redis


# --8<-- [start:strings]
def count_view(r: redis.Redis, page: str) -> int:
    """Count one view of a page and return the new total (INCR is atomic)."""
    # INCR creates the key at 0 if it is missing, then adds 1, in one step on the server:
    # two web processes counting at once can never lose an update.
    return r.incr(f"views:{page}")


def views(r: redis.Redis, page: str) -> int:
    """The current total; a missing key means no views yet."""
    value = r.get(f"views:{page}")  # GET returns bytes, or None for a missing key
    return int(value) if value is not None else 0
# --8<-- [end:strings]


# --8<-- [start:hashes]
def save_profile(r: redis.Redis, user_id: int | str, **fields: str) -> None:
    """Store a user's profile as one hash: one key, many fields (HSET)."""
    r.hset(f"user:{user_id}", mapping=fields)


def profile(r: redis.Redis, user_id: int | str) -> dict[str, str]:
    """The whole hash (HGETALL); decode_responses=True on the client gives str, not bytes."""
    return r.hgetall(f"user:{user_id}")
# --8<-- [end:hashes]


# --8<-- [start:lists]
def record_activity(r: redis.Redis, user_id: int | str, event: str, keep: int = 5) -> None:
    """Push an event to the front of the user's list and keep only the newest ``keep``."""
    key = f"activity:{user_id}"
    with r.pipeline() as pipe:  # both commands in one round trip, inside MULTI/EXEC
        pipe.lpush(key, event)  # LPUSH adds at the head (index 0)
        pipe.ltrim(key, 0, keep - 1)  # LTRIM drops everything after index keep-1
        pipe.execute()


def recent_activity(r: redis.Redis, user_id: int | str) -> list[str]:
    """Newest first (LRANGE 0 -1 is the whole list)."""
    return r.lrange(f"activity:{user_id}", 0, -1)
# --8<-- [end:lists]


# --8<-- [start:sets]
def tag_article(r: redis.Redis, article: str, *tags: str) -> int:
    """Add tags to an article; returns how many were new (SADD ignores duplicates)."""
    return r.sadd(f"tags:{article}", *tags)


def common_tags(r: redis.Redis, first: str, second: str) -> set[str]:
    """Tags two articles share (SINTER), computed on the server."""
    return r.sinter(f"tags:{first}", f"tags:{second}")
# --8<-- [end:sets]


# --8<-- [start:leaderboard]
def add_points(r: redis.Redis, board: str, player: str, points: float) -> float:
    """Add points to a player's score (ZINCRBY) and return the new score."""
    return r.zincrby(f"leaderboard:{board}", points, player)


def top(r: redis.Redis, board: str, n: int = 3) -> list[tuple[str, float]]:
    """The n best players, highest score first (redis-py sends ZREVRANGE ... WITHSCORES)."""
    return r.zrange(f"leaderboard:{board}", 0, n - 1, desc=True, withscores=True)


def rank(r: redis.Redis, board: str, player: str) -> int | None:
    """A player's place, 1 for the best (ZREVRANK counts from 0), None if not on the board."""
    position = r.zrevrank(f"leaderboard:{board}", player)
    return None if position is None else position + 1
# --8<-- [end:leaderboard]
