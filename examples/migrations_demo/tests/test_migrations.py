"""The migrations of migrations_demo, run forwards and backwards on the test database."""

import importlib
import re
from io import StringIO

import pytest
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection
from django.db.migrations import RunPython
from django.db.migrations.exceptions import IrreversibleError
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from migrations_demo.models import Customer
from migrations_demo.releases import RELEASES, names, sign_up

from .helpers import APP, LEAF, OUTPUTS, model_at, run_operations

BACKFILL = importlib.import_module("migrations_demo.migrations.0005_backfill_display_name")


# --8<-- [start:test_rolling_deploy]
def test_each_release_works_on_the_schema_of_the_next(schema):
    """During a deploy the old pods serve on the new schema: both releases must work."""
    shown = []
    for release, last_migration in RELEASES.items():
        schema(last_migration)  # the migration Job of this release
        for code in (release - 1, release):  # old pods and new pods, side by side
            if code == 0:
                continue
            OldOrNewCustomer = model_at(RELEASES[code])
            name = f"Customer {len(shown) + 1}"
            sign_up(code, OldOrNewCustomer, f"c{len(shown) + 1}@example.com", name)
            shown.append(name)
            assert names(code, OldOrNewCustomer) == shown
    assert names(5, Customer) == shown
# --8<-- [end:test_rolling_deploy]


# --8<-- [start:test_backfill]
def test_the_backfill_updates_in_batches(schema, monkeypatch):
    schema("0004_customer_display_name")
    Release2Customer = model_at(RELEASES[2])  # old pods write name only
    for number in range(5):
        sign_up(2, Release2Customer, f"c{number}@example.com", f"Customer {number}")
    monkeypatch.setattr(BACKFILL, "BATCH_SIZE", 2)

    with CaptureQueriesContext(connection) as queries:
        schema("0005_backfill_display_name")

    updates = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 3  # 2 + 2 + 1 rows
    Release4Customer = model_at(RELEASES[4])
    assert names(4, Release4Customer) == [f"Customer {number}" for number in range(5)]
# --8<-- [end:test_backfill]


# --8<-- [start:test_historical]
def test_the_historical_model_is_not_the_one_in_models_py(schema):
    schema("0004_customer_display_name")
    Then = model_at("0004_customer_display_name")  # what apps.get_model() returns in 0005
    customer = Then.objects.create(email="amina@example.com", name="Amina")
    assert {field.name for field in Then._meta.fields} == {
        "id", "email", "name", "plan", "display_name"
    }
    assert str(customer) == f"Customer object ({customer.pk})"  # no custom methods
    # models.py describes release 5: a backfill that imported it breaks on a fresh database.
    with pytest.raises(FieldError) as error:
        Customer.objects.filter(display_name__isnull=True).update(display_name=F("name"))
    assert str(error.value) == (
        "Cannot resolve keyword 'name' into field. Choices are: display_name, email, id, plan"
    )
# --8<-- [end:test_historical]


# --8<-- [start:test_backwards]
def test_migrating_back_to_0001_and_forward_again_keeps_the_names(schema):
    for number in range(3):
        Customer.objects.create(email=f"c{number}@example.com", display_name=f"Name {number}")

    schema("0001_initial")  # python manage.py migrate migrations_demo 0001
    assert names(1, model_at("0001_initial")) == ["Name 0", "Name 1", "Name 2"]

    schema(LEAF)
    assert names(5, Customer) == ["Name 0", "Name 1", "Name 2"]
# --8<-- [end:test_backwards]


def test_the_backwards_plan_is_what_the_page_shows(schema):
    out = StringIO()
    call_command("migrate", APP, "0003", plan=True, stdout=out)
    assert out.getvalue() == (OUTPUTS / "migrate_plan_backwards.txt").read_text()


def copy_names(apps, schema_editor):
    """A forwards-only data migration: no reverse_code."""


def test_a_runpython_without_reverse_code_cannot_be_undone(schema):
    with pytest.raises(IrreversibleError) as error:
        run_operations([RunPython(copy_names)], after=LEAF, backwards=True)
    assert re.fullmatch(
        r"Operation <RunPython <function copy_names at 0x[0-9a-f]+>> "
        rf"in {APP}\.0099_not_in_any_file is not reversible",
        str(error.value),
    )


def test_every_operation_of_the_real_migrations_is_reversible(schema):
    for migration in migrations_of_the_app():
        for operation in migration.operations:
            assert operation.reversible, (migration.name, operation.describe())


def migrations_of_the_app():
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    return [loader.get_migration(APP, name) for app, name in sorted(loader.graph.nodes)
            if app == APP]
