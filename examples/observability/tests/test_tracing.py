"""traceparent headers are parsed strictly and the trace id survives from caller to callee."""

import json

import pytest
from django.http import JsonResponse
from django.test import RequestFactory

from observability.tracing import (
    SpanContext,
    TraceContextMiddleware,
    outgoing_headers,
    parse_traceparent,
    start_span,
)

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
HEADER = f"00-{TRACE}-00f067aa0ba902b7-01"


# --8<-- [start:test_traceparent]
def test_a_child_span_keeps_the_trace_id_and_gets_a_new_span_id():
    parent = parse_traceparent(HEADER)
    assert parent == SpanContext(TRACE, "00f067aa0ba902b7", sampled=True)
    child = start_span(parent)
    assert child.trace_id == TRACE
    assert child.span_id != parent.span_id
    assert child.traceparent() == f"00-{TRACE}-{child.span_id}-01"
# --8<-- [end:test_traceparent]


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        f"00-{TRACE.upper()}-00f067aa0ba902b7-01",  # uppercase hex is invalid
        f"ff-{TRACE}-00f067aa0ba902b7-01",  # version ff is forbidden
        f"00-{'0' * 32}-00f067aa0ba902b7-01",  # all-zero trace id
        f"00-{TRACE}-{'0' * 16}-01",  # all-zero parent id
        f"00-{TRACE}-00f067aa0ba902b7-01-extra",  # version 00 has four fields only
        f"00-{TRACE[:-1]}-00f067aa0ba902b7-01",  # trace id too short
    ],
)
def test_invalid_headers_start_a_new_trace(header):
    assert parse_traceparent(header) is None
    assert start_span(parse_traceparent(header)).trace_id != TRACE


def test_a_future_version_with_extra_fields_is_accepted():
    assert parse_traceparent(f"01-{TRACE}-00f067aa0ba902b7-00-what-the-future-adds") == (
        SpanContext(TRACE, "00f067aa0ba902b7", sampled=False)
    )


def test_an_unsampled_trace_stays_unsampled():
    child = start_span(parse_traceparent(f"00-{TRACE}-00f067aa0ba902b7-00"))
    assert child.traceparent().endswith("-00")


def test_outgoing_calls_carry_the_trace_with_this_service_as_parent():
    def view(request):
        return JsonResponse({"span": request.span.span_id, "headers": outgoing_headers()})

    request = RequestFactory().get("/", headers={"traceparent": HEADER})
    body = json.loads(TraceContextMiddleware(view)(request).content)
    assert body["headers"] == {"traceparent": f"00-{TRACE}-{body['span']}-01"}
    assert outgoing_headers() == {}  # nothing leaks outside the request
