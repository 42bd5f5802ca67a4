"""Django behind PgBouncer in transaction mode: what breaks, and the settings that fix it.

Two clients, A and B, share PgBouncer's two server connections, which it hands out last
in, first out. Whatever one statement of A leaves on a server connection (a cursor, a
prepared statement) is missing when A's next statement gets the other one, and is in
B's way when B gets the same one.
"""

import psycopg
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import ProgrammingError, transaction

from pooling.connection_settings import behind_pgbouncer
from pooling.measure import SeparateConnections

pytestmark = pytest.mark.postgresql


def while_another_client_holds_a_server_connection(other: SeparateConnections):
    """B opens a transaction: PgBouncer keeps the server connection A just used for B."""
    atomic = transaction.atomic(using=other.alias)
    atomic.__enter__()
    ContentType.objects.using(other.alias).count()
    return atomic


# --8<-- [start:test_cursors]
@pytest.mark.parametrize("disable_server_side_cursors", [False, True])
def test_iterator_behind_pgbouncer(postgresql_database, pgbouncer, disable_server_side_cursors):
    database = behind_pgbouncer(postgresql_database, *pgbouncer)
    database["DISABLE_SERVER_SIDE_CURSORS"] = disable_server_side_cursors
    with (
        SeparateConnections(database) as a, SeparateConnections(database) as b,
        a.visible_to_the_orm(), b.visible_to_the_orm(),
    ):
        rows = ContentType.objects.using(a.alias).order_by("pk").iterator(chunk_size=1)
        next(rows)  # with server-side cursors: DECLARE ... CURSOR, then the first FETCH
        other = while_another_client_holds_a_server_connection(b)
        try:
            if disable_server_side_cursors:
                assert next(rows).pk > 0  # every row arrived with the first query
            else:
                # FETCH fails on the other server connection (Django raises ProgrammingError),
                # then closing the cursor fails the same way: the last line of the traceback.
                with pytest.raises(psycopg.errors.InvalidCursorName) as error:
                    next(rows)
                assert isinstance(error.value.__context__, ProgrammingError)
                assert str(error.value).startswith('cursor "_django_curs_')
                assert str(error.value).endswith('_sync_1" does not exist')
        finally:
            other.__exit__(None, None, None)
# --8<-- [end:test_cursors]


# --8<-- [start:test_prepared]
@pytest.mark.parametrize("prepared", [True, False])
def test_prepared_statements_behind_pgbouncer(postgresql_database, pgbouncer, prepared):
    database = behind_pgbouncer(postgresql_database, *pgbouncer)
    if prepared:
        # Server-side binding, and psycopg prepares each query the first time it runs.
        # Django's defaults (no server_side_binding, prepare_threshold None) prepare nothing.
        database["OPTIONS"].update(server_side_binding=True, prepare_threshold=0)
    with (
        SeparateConnections(database) as a, SeparateConnections(database) as b,
        a.visible_to_the_orm(), b.visible_to_the_orm(),
    ):
        ContentType.objects.using(a.alias).filter(pk=1).exists()  # A prepares _pg3_0
        # B's first query gets the same server connection, and psycopg names it _pg3_0 too.
        if prepared:
            with pytest.raises(ProgrammingError) as error:
                ContentType.objects.using(b.alias).count()
            assert str(error.value) == 'prepared statement "_pg3_0" already exists'
        else:
            assert ContentType.objects.using(b.alias).count() > 0
# --8<-- [end:test_prepared]
