import pytest
from django.db import connection

from migrations_demo.tests.helpers import LEAF, migrate


@pytest.fixture
def schema(transactional_db):
    """Migrate migrations_demo anywhere in the test; put it back at the last migration after.

    Schema changes cannot be rolled back with the test's transaction (MySQL commits DDL at
    once), so these tests use transactional_db and undo their own migrations.
    """
    yield migrate
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM migrations_demo_customer")
    migrate(LEAF)
