"""The two pagination styles of the API: page numbers for books, cursors for reviews."""

from bad_input.pagination import ValidatedCursorPagination
from rest_framework.pagination import PageNumberPagination


# --8<-- [start:page_number]
class BookPagination(PageNumberPagination):
    """``?page=2``: numbered pages and a total ``count``; ``?page_size=`` up to 50."""

    page_size = 5
    page_size_query_param = "page_size"
    max_page_size = 50
# --8<-- [end:page_number]


# --8<-- [start:cursor]
class ReviewCursorPagination(ValidatedCursorPagination):
    """``?cursor=...``: opaque next/previous links, no page numbers and no count.

    The ordering must be unique and never change for a row: the newest review has the
    highest id, so ``-id`` is "newest first" and uses the primary-key index.
    """

    page_size = 5
    ordering = "-id"
# --8<-- [end:cursor]
