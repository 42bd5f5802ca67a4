"""Fixtures shared by the python_basics tests."""

import logging

import pytest


# --8<-- [start:fixture]
@pytest.fixture
def products_csv(tmp_path):
    """Write a small CSV file into a fresh temporary folder and return its path."""
    path = tmp_path / "products.csv"
    path.write_text(
        "sku,name,price,stock\n"
        "BK-001,Two Scoops of Django,39.99,3\n"
        "BK-002,Fluent Python,abc,2\n"
        "BK-003,Django for APIs,25.00,4\n",
        encoding="utf-8",
    )
    return path
# --8<-- [end:fixture]


# --8<-- [start:yield_fixture]
@pytest.fixture
def restore_logging():
    """Undo ``logging.basicConfig(force=True)`` from ``main()`` so later tests log normally."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
# --8<-- [end:yield_fixture]
