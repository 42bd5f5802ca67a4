"""A concurrent index on PostgreSQL that still migrates SQLite and MariaDB."""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db.migrations import AddIndex


# --8<-- [start:operation]
class AddIndexConcurrentlyOnPostgreSQL(AddIndexConcurrently):
    """CREATE INDEX CONCURRENTLY on PostgreSQL, a plain CREATE INDEX elsewhere.

    A PostgreSQL-only project uses AddIndexConcurrently itself; this project's migrations
    also run on SQLite and MariaDB, which have no CONCURRENTLY.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_backwards(self, app_label, schema_editor, from_state, to_state)
# --8<-- [end:operation]
