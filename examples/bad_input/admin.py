"""Admin change lists that refuse a filter value its column could never hold."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG, IGNORED_PARAMS, PAGE_VAR
from django.db.models.constants import LOOKUP_SEP

from bad_input.columns import can_hold, model_column
from bad_input.filters import COLUMN_LOOKUPS


def column_and_lookup(model, parameter: str):
    """``("category__id__exact")`` is Category's primary key and ``"exact"``."""
    parts = parameter.split(LOOKUP_SEP)
    for end in range(len(parts), 0, -1):
        column = model_column(model, LOOKUP_SEP.join(parts[:end]))
        if column is not None:
            return column, LOOKUP_SEP.join(parts[end:]) or "exact"
    return None, None


# --8<-- [start:admin]
class ColumnCheckedAdmin(admin.ModelAdmin):
    """A ``ModelAdmin`` whose change list sends ``?location=a%00b`` where ``?price=abc`` goes.

    Django turns a filter value that fails while the query is built into its "?e=1"
    redirect, but one that fails only when the query runs was a 500: a NUL byte on
    PostgreSQL (``/admin/stays/property/?location=a%00b``), an id beyond 64 bits on SQLite
    (``/admin/shop/product/?category__exact=99999999999999999999``).
    """

    def get_changelist_instance(self, request):
        for parameter, values in request.GET.lists():
            if parameter in (*IGNORED_PARAMS, PAGE_VAR, ERROR_FLAG):
                continue
            column, lookup = column_and_lookup(self.model, parameter)
            if column is None or lookup not in COLUMN_LOOKUPS:
                continue
            if lookup == "in":  # ?id__in=1,2,3
                values = [item for value in values for item in value.split(",")]
            if not all(can_hold(column, value) for value in values):
                raise IncorrectLookupParameters(f"{parameter}: no row can hold this value")
        return super().get_changelist_instance(request)
# --8<-- [end:admin]
