"""W3C Trace Context: parse the ``traceparent`` header, start a child span, pass it on.

``traceparent`` looks like ``00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01``:
version, trace id (16 bytes), parent span id (8 bytes) and flags (``01`` = sampled), in
lowercase hex. Every service keeps the trace id, makes a new span id for its own work, and
sends ``traceparent`` with its span id as the parent on every outgoing call.
"""

# --8<-- [start:traceparent]
import contextvars
import re
import secrets
from dataclasses import dataclass

TRACEPARENT = re.compile(
    r"^(?P<version>[0-9a-f]{2})-(?P<trace_id>[0-9a-f]{32})-"
    r"(?P<parent_id>[0-9a-f]{16})-(?P<flags>[0-9a-f]{2})(?P<rest>-.*)?$"
)


@dataclass(frozen=True)
class SpanContext:
    """The part of a span that crosses process boundaries."""

    trace_id: str
    span_id: str
    sampled: bool

    def traceparent(self) -> str:
        """The header to send on outgoing calls, with this span as the parent."""
        return f"00-{self.trace_id}-{self.span_id}-{'01' if self.sampled else '00'}"


def parse_traceparent(header: str | None) -> SpanContext | None:
    """The caller's span from a ``traceparent`` header, or None if absent or invalid.

    Args:
        header: The raw header value.

    Returns:
        The caller's trace id, span id and sampled flag; None means "start a new trace".

    """
    match = TRACEPARENT.match((header or "").strip())
    if match is None:
        return None
    version, trace_id, parent_id = match["version"], match["trace_id"], match["parent_id"]
    if version == "ff" or (version == "00" and match["rest"]):
        return None  # ff is forbidden; version 00 has exactly four fields
    if trace_id == "0" * 32 or parent_id == "0" * 16:
        return None  # all-zero ids are invalid
    return SpanContext(trace_id, parent_id, sampled=bool(int(match["flags"], 16) & 1))


def start_span(parent: SpanContext | None, sampled: bool = True) -> SpanContext:
    """A new span: same trace as the parent (if any), with a fresh span id.

    Args:
        parent: The caller's span, from :func:`parse_traceparent`.
        sampled: Whether a new trace (no parent) is recorded.

    Returns:
        The context of the span this service is about to do its work in.

    """
    if parent is None:
        return SpanContext(secrets.token_hex(16), secrets.token_hex(8), sampled)
    return SpanContext(parent.trace_id, secrets.token_hex(8), parent.sampled)
# --8<-- [end:traceparent]


# --8<-- [start:middleware]
current_span: contextvars.ContextVar[SpanContext | None] = contextvars.ContextVar(
    "current_span", default=None
)


class TraceContextMiddleware:
    """Continue the caller's trace (or start one) for the duration of each request."""

    def __init__(self, get_response):
        """Standard Django middleware constructor."""
        self.get_response = get_response

    def __call__(self, request):
        """Expose the request's span as ``request.span`` and in :data:`current_span`."""
        request.span = start_span(parse_traceparent(request.headers.get("traceparent")))
        token = current_span.set(request.span)
        try:
            return self.get_response(request)
        finally:
            current_span.reset(token)


def outgoing_headers() -> dict[str, str]:
    """Headers to add to an outgoing HTTP call (or a task message) to continue the trace."""
    span = current_span.get()
    return {"traceparent": span.traceparent()} if span else {}
# --8<-- [end:middleware]
