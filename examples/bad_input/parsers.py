"""A JSON parser that answers 400, not 500, to a document nested too deeply to parse."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


# --8<-- [start:parser]
class JSONParser(parsers.JSONParser):
    """DRF's ``JSONParser``, plus a 400 for ``[[[[...]]]]`` nested past Python's recursion limit.

    ``json.load`` recurses once per level and raises ``RecursionError`` (not the
    ``ValueError`` DRF turns into a 400) about a thousand levels down: a 30 kB body of
    brackets was a 500 on every endpoint that reads ``request.data``.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - the document is nested too deeply.") from exc
# --8<-- [end:parser]
