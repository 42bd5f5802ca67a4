"""Filter values their column could never hold are a 400 naming the filter, before any query."""

from django_filters import rest_framework as filters

from bad_input.columns import check_value, model_column

# Lookups whose value is compared with the column itself; "isnull" takes a boolean and
# transforms such as "year__gt" a number, so neither is checked against the column.
COLUMN_LOOKUPS = {
    "exact", "iexact", "gt", "gte", "lt", "lte", "in", "range",
    "contains", "icontains", "startswith", "istartswith", "endswith", "iendswith",
}


class _HoldableBy:
    """A form-field validator: ``check_value`` against one column."""

    def __init__(self, column):
        self.column = column

    def __call__(self, value):
        check_value(self.column, value)


# --8<-- [start:filterset]
class ColumnCheckedFilterSet(filters.FilterSet):
    """A ``FilterSet`` whose every filter also refuses values its column could never hold.

    ``NumberFilter`` cleans ``?author=9223372036854775808`` or ``?author=1e30`` to a
    ``Decimal``; on a foreign key, Django passes it on as an int and SQLite's driver raises
    ``OverflowError`` (a 500). Here it is a 400: ``{"author": ["Ensure this value is less
    than or equal to 9223372036854775807."]}``. A method filter names the column its value
    is compared with in ``field_name``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            column = model_column(self._meta.model, filter_.field_name)
            if column is not None and filter_.lookup_expr in COLUMN_LOOKUPS:
                filter_.field.validators.append(_HoldableBy(column))
# --8<-- [end:filterset]

