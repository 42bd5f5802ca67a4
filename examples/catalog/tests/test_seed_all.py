from io import StringIO

import pytest
from django.core.management import call_command

from catalog.models import Book

pytestmark = pytest.mark.django_db


def test_seed_all_fills_every_app_once_and_then_skips():
    first = StringIO()
    call_command("seed_all", stdout=first)
    assert Book.objects.count() == 20
    assert "Created 20 books." in first.getvalue()

    second = StringIO()
    call_command("seed_all", stdout=second)
    assert Book.objects.count() == 20
    assert "seed_catalog: skipped (The catalogue already has books" in second.getvalue()
