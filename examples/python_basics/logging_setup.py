"""Logging configuration for the command-line examples: plain text or one JSON object per line.

Libraries only *create* loggers (``logging.getLogger(__name__)``); the program that runs
them decides where records go and how they look, once, at start-up.
"""

import json
import logging
import sys

# The attributes every LogRecord has; anything else on a record came from ``extra=``.
_STANDARD_ATTRS = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


# --8<-- [start:json_formatter]
class JsonFormatter(logging.Formatter):
    """Format each record as one JSON object, including the fields passed with ``extra=``."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as a JSON line.

        Args:
            record: The log record to format.

        Returns:
            A JSON object with level, logger, message and every extra field.

        """
        data = {
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        data.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD_ATTRS})
        return json.dumps(data, default=str)
# --8<-- [end:json_formatter]


# --8<-- [start:configure]
def configure_logging(level: int = logging.INFO, *, json_lines: bool = False) -> None:
    """Send log records to standard error, as text or as JSON lines.

    Args:
        level: The lowest level to show (``logging.DEBUG`` shows everything).
        json_lines: Emit one JSON object per record instead of text.

    """
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
# --8<-- [end:configure]
