"""A detail URL whose id or slug its column could never hold is a 404, before any query."""

from django.http import Http404

from bad_input.columns import can_hold, model_column


# --8<-- [start:mixin]
class ValidLookupMixin:
    """For generic views: ``/products/a%00b/`` is a 404, not a PostgreSQL ``DataError`` (500).

    DRF's ``get_object()`` already answers 404 when the lookup value does not convert
    (``/books/abc/`` against an integer id) but lets a slug with a NUL byte reach the
    database, which refuses to compare it. No row can hold such a value: the answer is the
    one a missing row gets, word for word.
    """

    def get_object(self):
        model = self.get_queryset().model
        value = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
        column = model_column(model, self.lookup_field)
        if value is not None and column is not None and not can_hold(column, value):
            raise Http404(f"No {model._meta.object_name} matches the given query.")
        return super().get_object()
# --8<-- [end:mixin]
