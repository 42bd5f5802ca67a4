"""Rolled-back tests versus transactional tests, shown with a transaction.on_commit() callback."""

# The repository's ruff settings prefer pytest style (rule PT009); the TestCase below shows
# Django's unittest style on purpose.
# ruff: noqa: PT009

import pytest
from catalog.models import Publisher
from django.db import connection
from django.test import TestCase

from testing_patterns.on_commit import add_publisher


# --8<-- [start:rolled_back]
@pytest.mark.django_db
def test_a_db_test_runs_inside_a_transaction_that_never_commits():
    announced = []
    add_publisher("Nexus Press", announced.append)

    assert connection.in_atomic_block  # pytest-django opened a transaction around the test
    assert announced == []  # no COMMIT happens, so on_commit() callbacks never run
# --8<-- [end:rolled_back]


# --8<-- [start:capture]
@pytest.mark.django_db
def test_capturing_runs_the_callbacks(django_capture_on_commit_callbacks):
    announced = []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publisher = add_publisher("Nexus Press", announced.append)

    assert len(callbacks) == 1
    assert announced == [publisher.pk]


class AddPublisherTestCase(TestCase):
    def test_capturing_runs_the_callbacks(self):
        announced = []
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            publisher = add_publisher("Nexus Press", announced.append)

        self.assertEqual(len(callbacks), 1)
        self.assertEqual(announced, [publisher.pk])
# --8<-- [end:capture]


# --8<-- [start:transactional]
@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_commits_for_real():
    announced = []
    publisher = add_publisher("Nexus Press", announced.append)

    assert not connection.in_atomic_block  # no transaction around the test
    assert announced == [publisher.pk]  # the real COMMIT ran the callback
    assert Publisher.objects.filter(pk=publisher.pk).exists()  # until the tables are flushed
# --8<-- [end:transactional]


def test_without_a_mark_the_database_is_blocked():
    with pytest.raises(RuntimeError) as excinfo:
        Publisher.objects.count()
    assert str(excinfo.value) == (
        'Database access not allowed, use the "django_db" mark, or the "db" or '
        '"transactional_db" fixtures to enable it.'
    )
