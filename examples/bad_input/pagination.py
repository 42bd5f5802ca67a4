"""Cursor pagination that answers 404 "Invalid cursor" to a cursor no page could have made."""

from rest_framework import pagination
from rest_framework.exceptions import NotFound

from bad_input.columns import can_hold, model_column


# --8<-- [start:cursor]
class ValidatedCursorPagination(pagination.CursorPagination):
    """DRF's ``CursorPagination``, plus a check of the position inside the cursor.

    The cursor is base64 the client can rewrite: DRF checks its offset and direction but
    filters on its position as given, so ``p=abc`` against an integer ordering column was a
    ``ValueError`` (500). A position the ordering column could not hold gets DRF's own 404.
    """

    def paginate_queryset(self, queryset, request, view=None):
        self._model = queryset.model  # decode_cursor() gets only the request
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            column = model_column(self._model, self.ordering[0].lstrip("-"))
            if column is not None and not can_hold(column, cursor.position):
                raise NotFound(self.invalid_cursor_message)
        return cursor
# --8<-- [end:cursor]
