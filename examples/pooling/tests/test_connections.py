"""Connections opened per request, kept per thread, or shared in a pool: measured."""

import threading
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError

from pooling.connection_settings import per_request, persistent, pooled
from pooling.measure import HEADER, SeparateConnections, handle_request, serve

OUTPUTS = Path(__file__).resolve().parents[1] / "outputs"

pytestmark = pytest.mark.postgresql


# --8<-- [start:test_measured]
def test_connections_opened_per_strategy(postgresql_database):
    threads, per_thread = 4, 5
    results = [
        serve("CONN_MAX_AGE=0", per_request(postgresql_database), threads=threads,
              per_thread=per_thread),
        serve("CONN_MAX_AGE=60", persistent(postgresql_database), threads=threads,
              per_thread=per_thread),
        serve("pool min_size=2 max_size=2", pooled(postgresql_database, 2, 2),
              threads=threads, per_thread=per_thread),
    ]
    no_reuse, kept, pool = results
    assert no_reuse.opened == threads * per_thread  # one connection per request
    assert no_reuse.open_after == set()
    assert kept.opened == threads  # one per thread, kept for the next request
    assert len(kept.open_after) == threads
    assert pool.opened == 2  # the pool's two, shared by the four threads
    assert pool.backends_seen <= pool.open_after
    table = "\n".join([HEADER, *(result.row() for result in results)]) + "\n"
    assert table == (OUTPUTS / "connections_postgresql.txt").read_text()
# --8<-- [end:test_measured]


# --8<-- [start:test_pool_errors]
def test_the_pool_refuses_conn_max_age(postgresql_database):
    database = {**pooled(postgresql_database), "CONN_MAX_AGE": 60}
    with SeparateConnections(database) as db, pytest.raises(ImproperlyConfigured) as error:
        db.current.ensure_connection()
    assert str(error.value) == "Pooling doesn't support persistent connections."


def test_a_request_waits_for_a_free_connection_then_fails(postgresql_database):
    database = pooled(postgresql_database, min_size=1, max_size=1)
    database["OPTIONS"]["pool"]["timeout"] = 0.5
    failures = []

    def second_request(db):
        try:
            handle_request(db)
        except OperationalError as exc:
            failures.append(str(exc))
        finally:
            db.current.close()

    with SeparateConnections(database) as db:
        db.current.ensure_connection()  # this thread holds the only connection
        other = threading.Thread(target=second_request, args=[db])
        other.start()
        other.join()
    assert failures == ["couldn't get a connection after 0.50 sec"]
# --8<-- [end:test_pool_errors]


# --8<-- [start:test_health_checks]
@pytest.mark.parametrize("health_checks", [False, True])
def test_a_persistent_connection_killed_between_requests(postgresql_database, health_checks):
    database = {**persistent(postgresql_database), "CONN_HEALTH_CHECKS": health_checks}
    with SeparateConnections(database) as db, SeparateConnections(postgresql_database) as admin:
        first = handle_request(db)
        with admin.current.cursor() as cursor:  # a restart, a failover, an idle timeout
            cursor.execute("SELECT pg_terminate_backend(%s)", [first])
        if health_checks:
            second = handle_request(db)  # Django tested the connection and reconnected
            assert second != first
        else:
            with pytest.raises(OperationalError) as error:
                handle_request(db)  # the first query of this request fails
            assert "terminating connection due to administrator command" in str(error.value)
            assert handle_request(db) != first  # the broken connection was dropped
# --8<-- [end:test_health_checks]


def test_django_prepares_no_statements_unless_told_to(postgresql_database):
    with SeparateConnections(postgresql_database) as db:
        params = db.current.get_connection_params()
    assert params["prepare_threshold"] is None
