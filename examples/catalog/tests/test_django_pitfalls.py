"""The Django page's pitfalls and migration commands, reproduced with their real errors."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import models

EXAMPLES = Path(__file__).resolve().parents[2]


def manage(*args: str, database: Path) -> subprocess.CompletedProcess[str]:
    """Run ``manage.py`` in a child process against its own SQLite file."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=EXAMPLES,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_unmigrated_database_has_no_tables_until_migrate(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    count_books = "from catalog.models import Book; print(Book.objects.count())"

    before = manage("shell", "-c", count_books, database=database)
    assert before.returncode == 1
    assert "django.db.utils.OperationalError: no such table: catalog_book" in before.stderr

    pending = manage("showmigrations", "catalog", database=database)
    assert pending.stdout == "catalog\n [ ] 0001_initial\n"

    assert manage("migrate", "catalog", database=database).returncode == 0
    applied = manage("showmigrations", "catalog", database=database)
    assert applied.stdout == "catalog\n [X] 0001_initial\n"

    after = manage("shell", "-c", count_books, database=database)
    assert after.returncode == 0
    assert after.stdout.splitlines()[-1] == "0"


@pytest.mark.django_db
def test_makemigrations_reports_no_changes_when_models_match_migrations():
    out = StringIO()
    call_command("makemigrations", "catalog", "--dry-run", stdout=out)
    assert out.getvalue() == "No changes detected in app 'catalog'\n"


def test_makemigrations_for_an_app_missing_from_installed_apps():
    err = StringIO()
    with pytest.raises(SystemExit) as excinfo:
        call_command("makemigrations", "notes", "--dry-run", stderr=err)
    assert excinfo.value.code == 2
    assert err.getvalue() == "No installed app with label 'notes'.\n"


def test_model_outside_installed_apps_is_a_runtime_error():
    # A models.py in a package that INSTALLED_APPS does not list, as Django sees it.
    with pytest.raises(RuntimeError) as excinfo:
        type(
            "Note",
            (models.Model,),
            {"__module__": "notes.models", "title": models.CharField(max_length=100)},
        )
    assert str(excinfo.value) == (
        "Model class notes.models.Note doesn't declare an explicit app_label and isn't in an "
        "application in INSTALLED_APPS."
    )


@pytest.mark.django_db(transaction=True)
def test_sqlmigrate_prints_the_sql_a_migration_runs():
    out = StringIO()
    call_command("sqlmigrate", "catalog", "0001", stdout=out)
    sql = out.getvalue()
    assert "CREATE TABLE" in sql
    for table in ("catalog_author", "catalog_book", "catalog_book_genres", "catalog_review"):
        assert table in sql
