"""The primary/replica router sends reads to the replica and writes to the primary."""

import pytest
from catalog.models import Book
from django.db import router
from django.test import override_settings

# --8<-- [start:test_router]
TWO_ALIASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "primary.sqlite3"},
    "replica": {"ENGINE": "django.db.backends.sqlite3", "NAME": "replica.sqlite3"},
}
ROUTED = override_settings(
    DATABASES=TWO_ALIASES, DATABASE_ROUTERS=["infra.routers.PrimaryReplicaRouter"]
)


@ROUTED
def test_reads_go_to_the_replica_and_writes_to_the_primary():
    assert Book.objects.filter(title__startswith="D").db == "replica"
    assert router.db_for_write(Book) == "default"
    assert router.allow_migrate("default", "catalog", model_name="book") is True
    assert router.allow_migrate("replica", "catalog", model_name="book") is False
# --8<-- [end:test_router]

pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


@ROUTED
def test_objects_from_primary_and_replica_may_be_related():
    on_replica, on_primary = Book(), Book()
    on_replica._state.db, on_primary._state.db = "replica", "default"
    assert router.allow_relation(on_replica, on_primary) is True
    elsewhere = Book()
    elsewhere._state.db = "analytics"
    assert router.allow_relation(on_replica, elsewhere) is False


@override_settings(DATABASE_ROUTERS=["infra.routers.PrimaryReplicaRouter"])
def test_without_a_replica_reads_fall_back_to_the_primary():
    assert Book.objects.all().db == "default"


def test_reads_spread_over_several_replicas():
    aliases = {**TWO_ALIASES, "replica2": TWO_ALIASES["replica"]}
    with override_settings(
        DATABASES=aliases, DATABASE_ROUTERS=["infra.routers.PrimaryReplicaRouter"]
    ):
        used = {Book.objects.all().db for _ in range(200)}
    assert used == {"replica", "replica2"}
