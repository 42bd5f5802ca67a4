"""Where the real servers are, and whether the tests may skip them.

One place for the default addresses of PostgreSQL, MySQL/MariaDB, Redis, RabbitMQ and
memcached.
Each can be moved with an environment variable. ``NEXUS_REQUIRE_SERVICES=1`` (set by
``.ci/run`` and the CI workflow) turns "not reachable, skipped" into a failure, so
real-server tests can never vanish silently.
"""

import os
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Service:
    name: str
    env_var: str
    default_url: str

    @property
    def url(self) -> str:
        return os.environ.get(self.env_var) or self.default_url

    def unreachable_reason(self, timeout: float = 1.0) -> str | None:
        """Return why the server cannot be reached, or None when a TCP connection opens."""
        parts = urlsplit(self.url)
        host, port = parts.hostname or "127.0.0.1", parts.port
        try:
            with socket.create_connection((host, port), timeout=timeout):
                return None
        except OSError as exc:
            return (
                f"{self.name} not reachable at {host}:{port} ({exc.strerror or exc}); "
                f"start it or set {self.env_var}"
            )


POSTGRESQL = Service("PostgreSQL", "NEXUS_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/nexus")
MYSQL = Service("MySQL/MariaDB", "NEXUS_MYSQL_URL", "mysql://root@127.0.0.1:3306/nexus")
REDIS = Service("Redis", "NEXUS_REDIS_URL", "redis://127.0.0.1:6379/0")
RABBITMQ = Service("RabbitMQ", "NEXUS_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672//")
MEMCACHED = Service("memcached", "NEXUS_MEMCACHED_URL", "memcache://127.0.0.1:11211")

DATABASES = {"postgresql": POSTGRESQL, "mysql": MYSQL}


def services_required() -> bool:
    """True when a missing server must fail the run instead of skipping."""
    return os.environ.get("NEXUS_REQUIRE_SERVICES") == "1"
