"""Request ids reach every log line of their request, and log lines are one JSON object each."""

import io
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from observability.structured_logging import (
    HEADER,
    JsonFormatter,
    RequestIdFilter,
    RequestIdMiddleware,
    request_id_var,
)

OUTPUTS = Path(__file__).resolve().parent.parent / "outputs"
logger = logging.getLogger("observability.tests")


def view(request):
    logger.info("Order placed", extra={"order_id": 42})
    return HttpResponse("ok")


@pytest.fixture
def middleware():
    return RequestIdMiddleware(view)


# --8<-- [start:test_request_id]
def test_every_log_line_of_a_request_carries_its_id(middleware, caplog):
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.INFO, logger="observability.tests"):
        first = middleware(RequestFactory().get("/orders/"))
        second = middleware(RequestFactory().get("/orders/"))
    ids = [record.request_id for record in caplog.records]
    assert ids == [first[HEADER], second[HEADER]]
    assert first[HEADER] != second[HEADER]
    assert request_id_var.get() == "-"  # reset once the request is over
# --8<-- [end:test_request_id]


def test_a_callers_request_id_is_kept_so_services_share_it(middleware):
    response = middleware(RequestFactory().get("/", headers={HEADER: "edge-7f3a.2"}))
    assert response[HEADER] == "edge-7f3a.2"


@pytest.mark.parametrize("bad", ["", "x" * 65, "abc\ninjected log line", "a b", "<script>"])
def test_an_unsafe_request_id_is_replaced(middleware, bad):
    response = middleware(RequestFactory().get("/", headers={HEADER: bad}))
    assert response[HEADER] != bad
    assert len(response[HEADER]) == 32  # a fresh uuid4().hex


def test_json_line_matches_the_page():
    record = logging.makeLogRecord({
        "name": "shop.orders", "levelname": "INFO", "levelno": logging.INFO,
        "msg": "Order %s placed", "args": (1042,), "created": 1767225600.25,
        "request_id": "9f1c2e", "order_id": 1042, "total": "59.90",
    })
    line = JsonFormatter().format(record)
    expected = (OUTPUTS / "json_log.txt").read_text().strip()
    assert line == expected, f"examples/observability/outputs/json_log.txt should be:\n{line}"
    assert json.loads(line)["message"] == "Order 1042 placed"


def test_exceptions_are_kept_in_one_json_line():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    log = logging.getLogger("observability.tests.exc")
    log.addHandler(handler)
    log.propagate = False
    try:
        try:
            1 / 0  # noqa: B018
        except ZeroDivisionError:
            log.exception("Payment failed")
    finally:
        log.removeHandler(handler)
    [line] = stream.getvalue().splitlines()  # a multi-line traceback stays in one line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["request_id"] == "-"
    assert "ZeroDivisionError: division by zero" in entry["exception"]


def test_the_logging_setting_configures_json_output():
    code = (
        "import logging.config\n"
        "from observability.structured_logging import LOGGING\n"
        "logging.config.dictConfig(LOGGING)\n"
        "logging.getLogger('shop').warning('Low stock', extra={'sku': 'BK-1'})\n"
    )
    examples = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=examples, capture_output=True, text=True, check=True
    )
    entry = json.loads(proc.stdout)
    assert {k: entry[k] for k in ("level", "logger", "message", "request_id", "sku")} == {
        "level": "WARNING", "logger": "shop", "message": "Low stock",
        "request_id": "-", "sku": "BK-1",
    }


def test_extra_keys_must_not_clash_with_log_record_attributes():
    with pytest.raises(KeyError, match="Attempt to overwrite 'name' in LogRecord"):
        logger.warning("Customer created", extra={"name": "Ada"})
