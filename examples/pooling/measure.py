"""Serve N requests from T threads and count the PostgreSQL connections they opened.

Each "request" does what Django does around a view: at ``request_started`` and at
``request_finished`` its receiver ``django.db.close_old_connections`` calls
``close_if_unusable_or_obsolete()`` on every connection the thread has opened. That call
decides whether a connection is closed, kept, or handed back to the pool.
"""

import copy
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connections
from django.db.utils import ConnectionHandler


class SeparateConnections:
    """Connections to one database, kept apart from django.db.connections.

    settings.DATABASES is left alone: this handler has its own alias, and each thread that
    used it closes its own connection (connections are per thread) before the end.
    """

    def __init__(self, database: dict):
        self.alias = f"pooling_{uuid.uuid4().hex[:8]}"
        self.handler = ConnectionHandler({"default": {}, self.alias: copy.deepcopy(database)})

    @property
    def current(self):
        """The calling thread's connection wrapper (Django's ``connections[alias]``)."""
        return self.handler[self.alias]

    def close_old_connections(self) -> None:
        """The body of django.db.close_old_connections, for this handler's connections."""
        for conn in self.handler.all(initialized_only=True):
            conn.close_if_unusable_or_obsolete()

    @contextmanager
    def visible_to_the_orm(self) -> Iterator[None]:
        """Let ``QuerySet.using(self.alias)`` find the calling thread's connection.

        The wrapper is put into django.db.connections' per-thread cache only (a private
        attribute), not into its settings: Django's test case then treats it as a
        connection made by the test itself.
        """
        setattr(connections._connections, self.alias, self.current)
        try:
            yield
        finally:
            delattr(connections._connections, self.alias)

    def __enter__(self) -> "SeparateConnections":
        return self

    def __exit__(self, *exc_info) -> None:
        wrapper = self.current
        wrapper.close()
        if self.alias in getattr(type(wrapper), "_connection_pools", {}):
            wrapper.close_pool()  # one pool for all threads: close it once


# --8<-- [start:request]
def handle_request(db: SeparateConnections) -> int:
    """One request: its view asks PostgreSQL which server process is serving it."""
    db.close_old_connections()  # request_started
    try:
        with db.current.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid() FROM pg_sleep(0.01)")
            return cursor.fetchone()[0]
    finally:
        # request_finished: CONN_MAX_AGE=0 closes the connection here, a pool takes
        # it back, a persistent connection stays open for the thread's next request.
        db.close_old_connections()
# --8<-- [end:request]


@dataclass
class Measurement:
    strategy: str
    requests: int
    threads: int
    backends_seen: set[int]  # pg_backend_pid() of every request
    open_after: set[int]  # server processes still connected after the last request

    @property
    def opened(self) -> int:
        return len(self.backends_seen | self.open_after)

    def row(self) -> str:
        return (
            f"{self.strategy:<28}{self.requests:>9}{self.threads:>9}"
            f"{self.opened:>20}{len(self.open_after):>12}"
        )


HEADER = (
    f"{'strategy':<28}{'requests':>9}{'threads':>9}{'connections opened':>20}{'still open':>12}"
)


def backends_of(monitor: SeparateConnections, application_name: str) -> set[int]:
    """Server processes connected with this application_name, once the count is stable."""
    previous, stable = None, 0
    for _ in range(100):
        with monitor.current.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = %s", [application_name]
            )
            current = {pid for (pid,) in cursor.fetchall()}
        stable = stable + 1 if current == previous else 0
        if stable == 2:  # a closed connection's process exits a moment after the client
            return current
        previous = current
        time.sleep(0.05)
    raise AssertionError(f"the connections of {application_name} never settled")


# --8<-- [start:serve]
def serve(strategy: str, database: dict, *, threads: int = 4, per_thread: int = 5) -> Measurement:
    """Serve threads * per_thread requests, like a server process with worker threads."""
    application_name = f"nexus-pooling-{uuid.uuid4().hex[:8]}"
    database = copy.deepcopy(database)
    database["OPTIONS"]["application_name"] = application_name  # find them in pg_stat_activity
    monitor_options = {k: v for k, v in database["OPTIONS"].items() if k != "pool"}
    monitor_options["application_name"] = "nexus-pooling-monitor"
    seen, errors = [], []
    finished, counted = threading.Barrier(threads + 1), threading.Barrier(threads + 1)

    with (
        SeparateConnections(database) as db,
        SeparateConnections({**database, "CONN_MAX_AGE": 0, "OPTIONS": monitor_options}) as monitor,
    ):

        def worker() -> None:
            try:
                for _ in range(per_thread):
                    seen.append(handle_request(db))
            except Exception as exc:  # re-raised by the main thread
                errors.append(exc)
            finally:
                finished.wait()
                counted.wait()  # keep persistent connections open until they are counted
                db.current.close()

        workers = [threading.Thread(target=worker) for _ in range(threads)]
        for thread in workers:
            thread.start()
        finished.wait()
        open_after = backends_of(monitor, application_name)
        counted.wait()
        for thread in workers:
            thread.join()
    if errors:
        raise errors[0]
    return Measurement(strategy, len(seen), threads, set(seen), open_after)
# --8<-- [end:serve]
