"""Move the migrations_demo schema to any migration and rebuild the models of that time."""

from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.db.migrations import Migration
from django.db.migrations.executor import MigrationExecutor

APP = "migrations_demo"
LEAF = "0007_contract_customer_name"
OUTPUTS = Path(__file__).resolve().parents[1] / "outputs"


def migrate(target: str) -> None:
    """``python manage.py migrate migrations_demo <target>``, forwards or backwards."""
    call_command("migrate", APP, target, verbosity=0)


def model_at(migration: str):
    """The Customer model as the code of that migration's release knew it."""
    state = MigrationExecutor(connection).loader.project_state((APP, migration))
    return state.apps.get_model(APP, "Customer")


def run_operations(operations, after: str, *, atomic: bool = True, backwards: bool = False):
    """Apply (or undo) operations that are in no migration file, on top of ``after``.

    The throwaway migration is never recorded in django_migrations, so undoing it puts the
    schema back exactly where ``after`` left it.
    """
    migration = Migration("0099_not_in_any_file", APP)
    migration.operations = operations
    migration.atomic = atomic
    state = MigrationExecutor(connection).loader.project_state((APP, after))
    with connection.schema_editor(atomic=atomic) as editor:
        if backwards:
            return migration.unapply(state, editor)
        return migration.apply(state, editor)


def sql_of(operations, after: str) -> str:
    """The SQL that operations in no migration file would run, as sqlmigrate prints it."""
    migration = Migration("0099_not_in_any_file", APP)
    migration.operations = operations
    state = MigrationExecutor(connection).loader.project_state((APP, after))
    with connection.schema_editor(collect_sql=True, atomic=False) as editor:
        migration.apply(state, editor, collect_sql=True)
    return "\n".join(editor.collected_sql) + "\n"


def flavour() -> str:
    """The database vendor, telling MariaDB apart from MySQL."""
    if connection.vendor == "mysql" and connection.mysql_is_mariadb:
        return "mariadb"
    return connection.vendor
