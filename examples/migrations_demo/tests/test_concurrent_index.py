"""The index of 0003: CONCURRENTLY on PostgreSQL, outside a transaction, and squashing."""

import shutil
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.postgres.operations import AddIndexConcurrently
from django.core.management import call_command
from django.db import NotSupportedError, connection, models

from .helpers import APP, LEAF, OUTPUTS, run_operations

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


# --8<-- [start:test_sqlmigrate]
@pytest.mark.django_db(transaction=True)
def test_sqlmigrate_0003_prints_what_the_page_shows():
    out = StringIO()
    call_command("sqlmigrate", APP, "0003", stdout=out)
    expected = (OUTPUTS / f"sqlmigrate_0003_{connection.vendor}.txt").read_text()
    assert out.getvalue() == expected


def test_add_index_concurrently_refuses_to_run_in_a_transaction(schema):
    if not connection.features.can_rollback_ddl:
        pytest.skip("MySQL and MariaDB commit each DDL statement: no migration is atomic there")
    index = models.Index(fields=["email", "plan"], name="demo_customer_email_plan_idx")
    with pytest.raises(NotSupportedError) as error:
        run_operations([AddIndexConcurrently("customer", index)], after=LEAF, atomic=True)
    assert str(error.value) == (
        "The AddIndexConcurrently operation cannot be executed inside a transaction "
        "(set atomic = False on the migration)."
    )
# --8<-- [end:test_sqlmigrate]


@pytest.mark.django_db
def test_the_index_exists_and_postgresql_marks_it_valid():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "migrations_demo_customer")
    assert constraints["demo_customer_plan_idx"]["index"] is True
    assert constraints["demo_customer_plan_idx"]["columns"] == ["plan"]
    if connection.vendor == "postgresql":
        # A CREATE INDEX CONCURRENTLY that fails halfway leaves an index marked invalid.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indisvalid FROM pg_index WHERE indexrelid = %s::regclass",
                ["demo_customer_plan_idx"],
            )
            assert cursor.fetchone() == (True,)


@pytest.fixture
def migrations_copy(tmp_path, monkeypatch, settings):
    """migrations_demo's migrations in a throwaway package, so squashing writes there."""
    package = f"demo_migrations_{uuid.uuid4().hex[:8]}"
    shutil.copytree(MIGRATIONS, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.syspath_prepend(str(tmp_path))
    settings.MIGRATION_MODULES = {APP: package}
    return tmp_path / package


# --8<-- [start:test_squash]
@pytest.mark.django_db
def test_squashing_leaves_out_the_elidable_backfill(migrations_copy):
    out = StringIO()
    call_command("squashmigrations", APP, "0004", "0005", interactive=False, stdout=out)
    assert "Optimized from 2 operations to 1 operations." in out.getvalue()
    squashed_file = "0004_customer_display_name_squashed_0005_backfill_display_name.py"
    squashed = (migrations_copy / squashed_file).read_text()
    assert "migrations.AddField(" in squashed
    assert "RunPython" not in squashed
# --8<-- [end:test_squash]
