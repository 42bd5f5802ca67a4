"""The importer: typed results, custom exceptions, log records and the command's exit code."""

import json
import logging
from decimal import Decimal, InvalidOperation

import pytest

from python_basics.errors import InvalidRowError, MissingColumnError, ProductImportError
from python_basics.products import Product, load_products, main, parse_row


def test_valid_rows_become_typed_products():
    lines = ["sku,name,price,stock", "BK-1, Fluent Python ,49.90,2"]
    assert load_products(lines) == [
        Product(sku="BK-1", name="Fluent Python", price=Decimal("49.90"), stock=2)
    ]


def test_products_are_immutable():
    product = parse_row({"sku": "A", "name": "B", "price": "1", "stock": "1"}, line=2)
    with pytest.raises(AttributeError):
        product.stock = 5


# --8<-- [start:raises]
def test_bad_price_raises_with_line_number_and_cause(products_csv):
    with products_csv.open() as handle, pytest.raises(InvalidRowError) as excinfo:
        load_products(handle)
    assert excinfo.value.line == 3
    assert str(excinfo.value) == "line 3: price 'abc' is not a number"
    # `raise ... from exc` keeps the original error for whoever debugs this later.
    assert isinstance(excinfo.value.__cause__, InvalidOperation)


def test_missing_columns_are_named():
    with pytest.raises(MissingColumnError, match="missing column\\(s\\): price, stock"):
        load_products(["sku,name", "BK-1,Fluent Python"])
# --8<-- [end:raises]


@pytest.mark.parametrize(
    ("price", "stock", "reason"),
    [
        ("9.99", "many", "stock 'many' is not a whole number"),
        ("-1", "2", "price and stock must not be negative"),
        ("1", "-2", "price and stock must not be negative"),
    ],
)
def test_invalid_values_are_reported(price, stock, reason):
    with pytest.raises(InvalidRowError) as excinfo:
        parse_row({"sku": "X", "name": "Y", "price": price, "stock": stock}, line=7)
    assert excinfo.value.reason == reason


def test_empty_sku_is_rejected():
    with pytest.raises(InvalidRowError, match="sku is empty"):
        parse_row({"sku": " ", "name": "Y", "price": "1", "stock": "1"}, line=2)


def test_every_import_error_shares_one_base_class():
    assert issubclass(MissingColumnError, ProductImportError)
    assert issubclass(InvalidRowError, ProductImportError)
    assert not issubclass(ProductImportError, ValueError)


# --8<-- [start:caplog]
def test_skipped_rows_are_logged_with_structured_fields(products_csv, caplog):
    caplog.set_level(logging.INFO, logger="python_basics.products")
    with products_csv.open() as handle:
        products = load_products(handle, source="products.csv", skip_bad_rows=True)

    assert [p.sku for p in products] == ["BK-001", "BK-003"]
    warning, summary = caplog.records
    assert warning.levelname == "WARNING"
    assert warning.getMessage() == "Skipped line 3: price 'abc' is not a number"
    assert (warning.source, warning.line) == ("products.csv", 3)  # the extra= fields
    assert (summary.imported, summary.skipped) == (2, 1)
# --8<-- [end:caplog]


def test_main_prints_a_summary_and_exits_zero(products_csv, capsys, restore_logging):
    assert main([str(products_csv), "--skip-bad-rows"]) == 0
    out, err = capsys.readouterr()
    assert out == "2 products, stock value 219.97\n"
    assert "WARNING python_basics.products: Skipped line 3" in err


def test_main_turns_an_import_error_into_exit_code_one(products_csv, capsys, restore_logging):
    assert main([str(products_csv)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "ERROR python_basics.products: Import of products.csv failed: "
        "line 3: price 'abc' is not a number\n"
    )


def test_main_reports_a_missing_file(tmp_path, capsys, restore_logging):
    assert main([str(tmp_path / "nope.csv")]) == 1
    assert "No such file:" in capsys.readouterr().err


def test_json_logs_are_one_object_per_line(products_csv, capsys, restore_logging):
    assert main([str(products_csv), "--skip-bad-rows", "--json-logs"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert records == [
        {
            "level": "WARNING",
            "logger": "python_basics.products",
            "message": "Skipped line 3: price 'abc' is not a number",
            "source": "products.csv",
            "line": 3,
        },
        {
            "level": "INFO",
            "logger": "python_basics.products",
            "message": "Imported 2 products, skipped 1",
            "source": "products.csv",
            "imported": 2,
            "skipped": 1,
        },
    ]
