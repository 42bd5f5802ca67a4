"""Securing Redis: an ACL user for the application, with only the commands and keys it needs."""

import redis


# --8<-- [start:acl]
def create_app_user(admin: redis.Redis, name: str, password: str, key_pattern: str) -> None:
    """An application user: its own password, its own keys, no dangerous commands.

    ``~pattern`` limits the keys, ``+@all -@dangerous`` allows every command except the
    dangerous category (FLUSHALL, FLUSHDB, CONFIG, KEYS, INFO, MONITOR, SHUTDOWN, ...),
    and ``&app:*`` limits pub/sub channels.
    """
    admin.acl_setuser(
        name,
        enabled=True,
        passwords=[f"+{password}"],
        keys=[key_pattern],
        channels=["app:*"],
        categories=["+@all", "-@dangerous"],
        reset=True,
    )


def lock_default_user(admin: redis.Redis, password: str) -> None:
    """Give the ``default`` user (the one a client without a user name gets) a password.

    This is what ``requirepass`` does; with ACLs you can also disable it
    (``ACL SETUSER default off``) so that every client must name its user.
    """
    admin.acl_setuser("default", enabled=True, passwords=[f"+{password}"], reset_passwords=True)
# --8<-- [end:acl]
