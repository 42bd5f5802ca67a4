"""CI's makemigrations --check --dry-run, over every installed app, naming the guilty ones."""

import re
import shutil
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


# --8<-- [start:check]
def apps_missing_migrations() -> dict[str, str]:
    """Run ``makemigrations --check --dry-run`` on every app; map each guilty app to the
    migration it would write."""
    # Naming every app also checks apps that have models but no migrations folder yet.
    labels = [config.label for config in apps.get_app_configs()]
    out = StringIO()
    try:
        call_command("makemigrations", *labels, check=True, dry_run=True, stdout=out)
        status = 0
    except SystemExit as exit_:  # --check exits with status 1 when a migration is missing
        status = exit_.code
    missing, label = {}, None
    for line in out.getvalue().splitlines():
        if heading := re.fullmatch(r"Migrations for '(.+)':", line):
            label = heading[1]
            missing[label] = ""
        elif label and line.strip():
            missing[label] += line.strip() + "\n"
    assert status == (1 if missing else 0), out.getvalue()
    return missing


def test_every_app_has_its_migrations():
    missing = apps_missing_migrations()
    assert not missing, "Run makemigrations for: " + "; ".join(
        f"{label} ({changes.strip()})" for label, changes in missing.items()
    )
# --8<-- [end:check]


@pytest.fixture
def migrations_without_the_last_one(tmp_path, monkeypatch, settings):
    """migrations_demo's migrations minus 0007, in a throwaway package."""
    package = f"demo_migrations_{uuid.uuid4().hex[:8]}"
    shutil.copytree(MIGRATIONS, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / package / "0007_contract_customer_name.py").unlink()
    monkeypatch.syspath_prepend(str(tmp_path))
    settings.MIGRATION_MODULES = {"migrations_demo": package}
    return tmp_path / package


def test_the_check_names_the_app_whose_migration_is_missing(migrations_without_the_last_one):
    missing = apps_missing_migrations()
    assert list(missing) == ["migrations_demo"]
    assert missing["migrations_demo"].endswith("~ Alter field display_name on customer\n")
    # --dry-run: nothing was written.
    assert sorted(p.name for p in migrations_without_the_last_one.glob("0*.py"))[-1] == (
        "0006_forget_customer_name.py"
    )


MODELS = '''from django.db import models


class Note(models.Model):
    title = models.CharField(max_length=80)
    body = models.TextField(default="")  # added to the model; no migration records it
'''
INITIAL = '''from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Note",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=80)),
            ],
        ),
    ]
'''


@pytest.fixture
def app_with_a_model_change_and_no_migration(tmp_path, monkeypatch, settings):
    """An installed app whose model gained a field its migrations do not have (the ERD
    test cannot see it: no ERD draws this app)."""
    label = f"planted_{uuid.uuid4().hex[:8]}"
    (tmp_path / label / "migrations").mkdir(parents=True)
    (tmp_path / label / "__init__.py").write_text("")
    (tmp_path / label / "models.py").write_text(MODELS)
    (tmp_path / label / "migrations" / "__init__.py").write_text("")
    (tmp_path / label / "migrations" / "0001_initial.py").write_text(INITIAL)
    monkeypatch.syspath_prepend(str(tmp_path))
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, label]
    return label


def test_a_model_change_without_its_migration_fails(app_with_a_model_change_and_no_migration):
    label = app_with_a_model_change_and_no_migration
    missing = apps_missing_migrations()
    assert list(missing) == [label]
    assert missing[label].splitlines()[1:] == ["+ Add field body to note"]
