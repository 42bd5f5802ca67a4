"""Path converters for text that reaches a query: no NUL byte, which PostgreSQL refuses."""

from django.urls.converters import StringConverter


# --8<-- [start:converter]
class TextConverter(StringConverter):
    """``<text:name>``: ``<str:name>`` without NUL, so ``/authors/a%00b/`` matches no route (404).

    ``<str:>`` matches any character but ``/``; a NUL byte in a filter value is a
    ``DataError`` on PostgreSQL ("text fields cannot contain NUL (0x00) bytes"), a 500.
    """

    regex = r"[^/\x00]+"
# --8<-- [end:converter]
