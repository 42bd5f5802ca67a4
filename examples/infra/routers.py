"""A primary/replica database router: writes go to the primary, reads to a replica.

Enable it with ``DATABASE_ROUTERS = ["infra.routers.PrimaryReplicaRouter"]`` and a second
alias in ``DATABASES`` (here ``"replica"``) that points at a read replica of the primary.
"""

# --8<-- [start:router]
import random

from django.conf import settings

PRIMARY = "default"


class PrimaryReplicaRouter:
    """Send reads to a replica alias when one is configured, and everything else to the primary."""

    replica_prefix = "replica"

    def replicas(self) -> list[str]:
        """The configured replica aliases, e.g. ``["replica"]`` or ``["replica1", "replica2"]``."""
        return [alias for alias in settings.DATABASES if alias.startswith(self.replica_prefix)]

    def db_for_read(self, model, **hints):
        """Pick a replica at random; fall back to the primary when there is none."""
        return random.choice(self.replicas() or [PRIMARY])  # noqa: S311 - not for security

    def db_for_write(self, model, **hints):
        """Writes always go to the primary: replicas are read-only copies."""
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        """Primary and replicas hold the same data, so relations between them are fine."""
        pool = {PRIMARY, *self.replicas()}
        return obj1._state.db in pool and obj2._state.db in pool

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        """Migrate the primary only; replication copies the schema to the replicas."""
        return db == PRIMARY
# --8<-- [end:router]
