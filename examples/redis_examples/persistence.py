"""Persistence: what survives a restart with RDB snapshots, with the AOF, and with neither."""

import redis


# --8<-- [start:persistence]
def persistence_settings(r: redis.Redis) -> dict[str, str]:
    """RDB snapshot points (``save``), AOF on or off, and how often the AOF is fsynced."""
    settings: dict[str, str] = {}
    for name in ("save", "appendonly", "appendfsync", "dir", "dbfilename"):
        settings.update(r.config_get(name))
    return settings


def last_snapshot(r: redis.Redis) -> dict[str, object]:
    """INFO persistence: when the last RDB snapshot was written, and whether it worked."""
    info = r.info("persistence")
    return {
        "rdb_last_save_time": info["rdb_last_save_time"],
        "rdb_last_bgsave_status": info["rdb_last_bgsave_status"],
        "rdb_changes_since_last_save": info["rdb_changes_since_last_save"],
        "aof_enabled": info["aof_enabled"],
    }
# --8<-- [end:persistence]
