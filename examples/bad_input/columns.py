"""Can a database column hold this value? Asked before a query, so the answer is a 4xx."""

from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django_filters.utils import get_model_field

# Every driver binds a signed 64-bit integer. Past it SQLite raises OverflowError (a 500),
# while PostgreSQL and MySQL compare it as a numeric: the limit is the same everywhere.
INTEGER_RANGE = (-(2**63), 2**63 - 1)


def model_column(model: type[models.Model], path: str) -> models.Field | None:
    """The column ``path`` ends on (``"pk"``, ``"slug"``, ``"author__slug"``), or ``None``.

    A relation ends on the column it points to: ``"author"`` is the author's primary key.
    """
    if path == "pk":
        return model._meta.pk
    try:
        field = get_model_field(model, path)
    except FieldDoesNotExist:
        return None
    while field is not None and field.is_relation:
        field = getattr(field, "target_field", None)
    return field


# --8<-- [start:check_value]
def check_value(column: models.Field | None, value) -> None:
    """Raise ``ValidationError`` if ``column`` (any text when ``None``) cannot hold ``value``.

    Only what a database refuses with an error instead of an empty result is checked:
    a NUL byte in text (PostgreSQL: "text fields cannot contain NUL (0x00) bytes") and a
    whole number beyond 64 bits, or no whole number at all, for an integer column.
    """
    if isinstance(value, (list, tuple)):  # ?id__in=1,2 and ?price__range=1,9
        for item in value:
            check_value(column, item)
        return
    if isinstance(value, str) and "\x00" in value:
        raise ValidationError("Null characters are not allowed.", code="null_characters")
    # ids and counts, as text or as a number; a ModelChoiceFilter's row is already checked.
    if isinstance(column, models.IntegerField) and isinstance(value, (str, int, float, Decimal)):
        try:
            whole = int(value)
        except (TypeError, ValueError, ArithmeticError):  # "abc", NaN, Infinity
            raise ValidationError("Enter a whole number.", code="not_whole") from None
        if not isinstance(value, str) and whole != value:  # Decimal("1.5") from ?author=1.5
            raise ValidationError("Enter a whole number.", code="not_whole")
        low, high = INTEGER_RANGE
        MinValueValidator(low)(whole)
        MaxValueValidator(high)(whole)
# --8<-- [end:check_value]


def can_hold(column: models.Field, value) -> bool:
    """``check_value`` as a yes or no."""
    try:
        check_value(column, value)
    except ValidationError:
        return False
    return True
