"""Two branches each add a migration: two leaf nodes, then one merge migration fixes it.

The migrations in ``p2_conflict_migrations/`` are copied to a temporary package, and
MIGRATION_MODULES points the troubleshooting app at the copy, so ``makemigrations --merge``
writes its file there and the real migrations folder is never touched.
"""

import shutil
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.loader import MigrationLoader

HERE = Path(__file__).parent
MERGED = HERE / "p2_merged_migration" / "0003_merge_priority_status.py"

pytestmark = pytest.mark.django_db


@pytest.fixture
def conflicting_migrations(tmp_path, monkeypatch, settings):
    package = f"p2_migrations_{uuid.uuid4().hex[:8]}"
    shutil.copytree(HERE / "p2_conflict_migrations", tmp_path / package)
    monkeypatch.syspath_prepend(str(tmp_path))
    settings.MIGRATION_MODULES = {"troubleshooting": package}
    return tmp_path / package


def troubleshooting_leaves() -> list[tuple[str, str]]:
    graph = MigrationLoader(connection, ignore_no_migrations=True).graph
    return [node for node in graph.leaf_nodes() if node[0] == "troubleshooting"]


# --8<-- [start:test_conflict]
def test_two_leaf_migrations_stop_migrate(conflicting_migrations):
    assert troubleshooting_leaves() == [
        ("troubleshooting", "0002_ticket_priority"),
        ("troubleshooting", "0002_ticket_status"),
    ]
    expected = (
        "Conflicting migrations detected; multiple leaf nodes in the migration graph: "
        "(0002_ticket_priority, 0002_ticket_status in troubleshooting).\n"
        "To fix them run 'python manage.py makemigrations --merge'"
    )
    with pytest.raises(CommandError) as error:
        call_command("migrate", "troubleshooting", plan=True, verbosity=0)
    assert str(error.value) == expected
    with pytest.raises(CommandError, match="Conflicting migrations detected"):
        call_command("makemigrations", "troubleshooting", dry_run=True, verbosity=0)


def test_makemigrations_merge_leaves_one_leaf(conflicting_migrations):
    out = StringIO()
    call_command(
        "makemigrations", "troubleshooting", merge=True, name="merge_priority_status",
        interactive=False, stdout=out,
    )
    assert out.getvalue().startswith(
        "Merging troubleshooting\n"
        "  Branch 0002_ticket_priority\n"
        "    + Add field priority to ticket\n"
        "  Branch 0002_ticket_status\n"
        "    + Add field status to ticket\n"
    )
    assert troubleshooting_leaves() == [("troubleshooting", "0003_merge_priority_status")]
    written = (conflicting_migrations / MERGED.name).read_text()
    # The first line names the Django version and the time; the rest is what the page shows.
    assert written.split("\n", 1)[1] == MERGED.read_text().split("\n", 1)[1]
# --8<-- [end:test_conflict]
