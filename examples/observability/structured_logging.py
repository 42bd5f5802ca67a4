"""JSON log lines that carry the id of the request that produced them.

The middleware gives every request an id (the caller's ``X-Request-ID`` header if it sent a
sane one, else a new UUID), keeps it in a context variable for the duration of the request,
and returns it in the response. The filter copies it onto every log record, and the formatter
writes each record as one JSON object per line, which log platforms parse without regexes.
"""

# --8<-- [start:request_id]
import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
HEADER = "X-Request-ID"
SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")  # never log a caller's header unchecked


class RequestIdMiddleware:
    """Give each request an id, expose it to logging, and echo it in the response."""

    def __init__(self, get_response):
        """Standard Django middleware constructor."""
        self.get_response = get_response

    def __call__(self, request):
        """Set the id for the duration of the request, then reset it."""
        incoming = request.headers.get(HEADER, "")
        request.request_id = incoming if SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[HEADER] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Attach the current request id to every record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Add ``record.request_id``; never drops a record."""
        record.request_id = request_id_var.get()
        return True
# --8<-- [end:request_id]


# --8<-- [start:json_formatter]
STANDARD_ATTRS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line, with the fields passed in ``extra=`` kept as keys."""

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as JSON."""
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in STANDARD_ATTRS})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
# --8<-- [end:json_formatter]


# --8<-- [start:logging_setting]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "observability.structured_logging.RequestIdFilter"}},
    "formatters": {"json": {"()": "observability.structured_logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "json",
        },
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
}
# --8<-- [end:logging_setting]
