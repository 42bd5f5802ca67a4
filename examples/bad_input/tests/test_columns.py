"""What ``check_value`` lets through to the database, and what it refuses before."""

from decimal import Decimal

import pytest
from catalog.models import Book
from django.db import models

from bad_input.columns import can_hold, model_column

ID = models.BigAutoField(primary_key=True)
TEXT = models.CharField(max_length=20)


@pytest.mark.parametrize(
    ("column", "value", "holds"),
    [
        (ID, "7", True),
        (ID, 7, True),
        (ID, Decimal("7"), True),  # NumberFilter's cleaned ?author=7
        (ID, 2**63 - 1, True),
        (ID, 2**63, False),  # SQLite: OverflowError
        (ID, -(2**63) - 1, False),
        (ID, Decimal("1E+30"), False),  # ?user=1e30
        (ID, Decimal("7.5"), False),
        (ID, Decimal("NaN"), False),
        (ID, Decimal("Infinity"), False),
        (ID, "abc", False),
        (ID, [1, 2**64], False),  # ?id__in=1,18446744073709551616
        (TEXT, "a\x00b", False),  # PostgreSQL: DataError
        (TEXT, "99999999999999999999", True),  # text, not a number
        (None, "a\x00b", False),
        (None, "plain", True),
    ],
)
def test_can_hold(column, value, holds):
    assert can_hold(column, value) is holds


def test_model_column_follows_relations_to_the_column_they_point_to():
    assert model_column(Book, "pk") is Book._meta.pk
    assert model_column(Book, "author") is Book._meta.get_field("author").target_field
    assert model_column(Book, "author__name").name == "name"
    assert model_column(Book, "no_such_field") is None
