"""Schema changes that break the code still running during a deploy, and the safe versions.

The unsafe operations are in no migration file: each test applies one on top of 0001 with
a throwaway migration, runs release 1's code against it, and undoes it again.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, migrations, models

from migrations_demo.releases import names, sign_up

from .helpers import APP, OUTPUTS, flavour, model_at, run_operations, sql_of

# The start of each database's message, and the exception Django raises for it.
RENAMED_COLUMN_ERRORS = {
    "sqlite": ("OperationalError", "no such column: migrations_demo_customer.name"),
    "postgresql": ("ProgrammingError", "column migrations_demo_customer.name does not exist"),
    "mariadb": (
        "OperationalError",
        "(1054, \"Unknown column 'migrations_demo_customer.name' in 'SELECT'\")",
    ),
    # MySQL 8 (the CI workflow's server) is not run here: match the start of its message.
    "mysql": ("OperationalError", "(1054, \"Unknown column 'migrations_demo_customer.name' in '"),
}
NOT_NULL_ERRORS = {
    "sqlite": ("IntegrityError", "NOT NULL constraint failed: migrations_demo_customer.plan"),
    "postgresql": (
        "IntegrityError",
        'null value in column "plan" of relation "migrations_demo_customer" violates '
        "not-null constraint",
    ),
    "mariadb": ("OperationalError", "(1364, \"Field 'plan' doesn't have a default value\")"),
    "mysql": ("OperationalError", "(1364, \"Field 'plan' doesn't have a default value\")"),
}

# --8<-- [start:unsafe_operations]
RENAME_NAME = migrations.RenameField("customer", "name", "full_name")
ADD_PLAN_WITH_DEFAULT = migrations.AddField(
    "customer", "plan", models.CharField(max_length=10, default="free")
)
# --8<-- [end:unsafe_operations]


@pytest.fixture
def release_1(schema):
    schema("0001_initial")
    Release1Customer = model_at("0001_initial")
    sign_up(1, Release1Customer, "amina@example.com", "Amina")
    return Release1Customer


# --8<-- [start:test_rename]
def test_renaming_a_column_breaks_the_old_code_at_once(release_1):
    run_operations([RENAME_NAME], after="0001_initial")
    try:
        with pytest.raises(DatabaseError) as error:
            names(1, release_1)  # an old pod, one second after the migration
    finally:
        run_operations([RENAME_NAME], after="0001_initial", backwards=True)
    kind, message = RENAMED_COLUMN_ERRORS[flavour()]
    assert type(error.value).__name__ == kind
    assert str(error.value).startswith(message)
# --8<-- [end:test_rename]


# --8<-- [start:test_default]
def test_a_not_null_column_with_a_python_default_breaks_old_inserts(release_1):
    state = run_operations([ADD_PLAN_WITH_DEFAULT], after="0001_initial")
    try:
        with pytest.raises(DatabaseError) as error:
            sign_up(1, release_1, "kofi@example.com", "Kofi")  # INSERT without plan
        NewCustomer = state.apps.get_model(APP, "Customer")
        existing = list(NewCustomer.objects.values_list("plan", flat=True))
    finally:
        run_operations([ADD_PLAN_WITH_DEFAULT], after="0001_initial", backwards=True)
    assert existing == ["free"]  # the default filled the rows that were there
    kind, message = NOT_NULL_ERRORS[flavour()]
    assert type(error.value).__name__ == kind
    assert str(error.value).startswith(message)


def test_db_default_lets_old_code_insert(release_1, schema):
    schema("0002_customer_plan")  # the real migration: db_default="free"
    sign_up(1, release_1, "kofi@example.com", "Kofi")  # still an INSERT without plan
    Release2Customer = model_at("0002_customer_plan")
    assert list(Release2Customer.objects.values_list("plan", flat=True)) == ["free", "free"]
# --8<-- [end:test_default]


@pytest.mark.django_db(transaction=True)
def test_the_sql_of_default_and_db_default_is_what_the_page_shows():
    out = StringIO()
    call_command("sqlmigrate", APP, "0002", stdout=out)
    assert out.getvalue() == (OUTPUTS / f"sqlmigrate_0002_{connection.vendor}.txt").read_text()
    unsafe = sql_of([ADD_PLAN_WITH_DEFAULT], after="0001_initial")
    assert unsafe == (OUTPUTS / f"sql_plan_default_{connection.vendor}.txt").read_text()

