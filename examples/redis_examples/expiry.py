"""Time to live: EXPIRE and TTL, SET with EX and NX, and what a missing TTL means."""

import redis


# --8<-- [start:ttl]
def remember_code(r: redis.Redis, email: str, code: str, seconds: int = 600) -> None:
    """Keep a one-time login code for ten minutes (SET key value EX seconds)."""
    r.set(f"login-code:{email}", code, ex=seconds)


def seconds_left(r: redis.Redis, key: str) -> int:
    """TTL: seconds left; -1 when the key has no expiry, -2 when the key does not exist."""
    return r.ttl(key)
# --8<-- [end:ttl]


# --8<-- [start:once]
def claim_once(r: redis.Redis, job: str, seconds: int = 60) -> bool:
    """True for exactly one caller per ``job`` until the claim expires (SET NX EX).

    NX writes only if the key is absent, and EX gives it a lifetime, in one atomic
    command: the classic "only one worker sends this e-mail" guard, and a lock that
    cannot outlive a crashed holder by more than ``seconds``.
    """
    return bool(r.set(f"claim:{job}", "1", nx=True, ex=seconds))
# --8<-- [end:once]
