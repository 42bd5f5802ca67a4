"""Import products from a CSV file: type hints, logging and exceptions in one small module.

Run it on a file (from the ``examples/`` folder)::

    python -m python_basics products.csv --skip-bad-rows

The parsing functions raise the exceptions of :mod:`python_basics.errors`; only
:func:`main`, the program's boundary, turns them into a log line and an exit code.
"""

import argparse
import csv
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypedDict

from .errors import InvalidRowError, MissingColumnError, ProductImportError
from .logging_setup import configure_logging

# --8<-- [start:logger]
logger = logging.getLogger(__name__)  # "python_basics.products": one logger per module
# --8<-- [end:logger]

REQUIRED_COLUMNS = ("sku", "name", "price", "stock")


# --8<-- [start:types]
class ProductRow(TypedDict):
    """One CSV row as ``csv.DictReader`` returns it: every value is still a string."""

    sku: str
    name: str
    price: str
    stock: str


@dataclass(frozen=True, slots=True)
class Product:
    """A validated product: the types say what the rest of the code can rely on."""

    sku: str
    name: str
    price: Decimal
    stock: int
# --8<-- [end:types]


# --8<-- [start:parse_row]
def parse_row(row: ProductRow, line: int) -> Product:
    """Turn one CSV row into a product.

    Args:
        row: The row's values, keyed by column name.
        line: The row's line number in the file, for error messages.

    Returns:
        The validated product.

    Raises:
        InvalidRowError: If a value is empty, not a number, or negative.

    """
    sku = row["sku"].strip()
    if not sku:
        raise InvalidRowError(line, "sku is empty")
    try:
        price = Decimal(row["price"])
    except InvalidOperation as exc:
        raise InvalidRowError(line, f"price {row['price']!r} is not a number") from exc
    try:
        stock = int(row["stock"])
    except ValueError as exc:
        raise InvalidRowError(line, f"stock {row['stock']!r} is not a whole number") from exc
    if price < 0 or stock < 0:
        raise InvalidRowError(line, "price and stock must not be negative")
    return Product(sku=sku, name=row["name"].strip(), price=price, stock=stock)
# --8<-- [end:parse_row]


# --8<-- [start:load_products]
def load_products(
    lines: Iterable[str], *, source: str = "<input>", skip_bad_rows: bool = False
) -> list[Product]:
    """Parse CSV text into products.

    Args:
        lines: The CSV text, one line per item (an open file works).
        source: A name for the input, used in log records.
        skip_bad_rows: Log invalid rows and carry on instead of raising.

    Returns:
        The valid products, in file order.

    Raises:
        MissingColumnError: If the header lacks a required column.
        InvalidRowError: If a row is invalid and ``skip_bad_rows`` is false.

    """
    reader = csv.DictReader(lines)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise MissingColumnError(missing)

    products, skipped = [], 0
    for row in reader:
        try:
            products.append(parse_row(row, reader.line_num))
        except InvalidRowError as exc:
            if not skip_bad_rows:
                raise
            skipped += 1
            logger.warning("Skipped %s", exc, extra={"source": source, "line": exc.line})
    logger.info(
        "Imported %d products, skipped %d",
        len(products),
        skipped,
        extra={"source": source, "imported": len(products), "skipped": skipped},
    )
    return products
# --8<-- [end:load_products]


# --8<-- [start:main]
def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: the one place that turns exceptions into an exit code.

    Args:
        argv: The arguments (``sys.argv[1:]`` when None).

    Returns:
        0 on success, 1 when the file cannot be imported.

    """
    parser = argparse.ArgumentParser(description="Import products from a CSV file.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--skip-bad-rows", action="store_true")
    parser.add_argument("--json-logs", action="store_true")
    args = parser.parse_args(argv)
    configure_logging(json_lines=args.json_logs)

    try:
        with args.path.open(newline="", encoding="utf-8") as handle:
            products = load_products(
                handle, source=args.path.name, skip_bad_rows=args.skip_bad_rows
            )
    except FileNotFoundError:
        logger.error("No such file: %s", args.path)
        return 1
    except ProductImportError as exc:
        logger.error("Import of %s failed: %s", args.path.name, exc)
        return 1
    total = sum(p.price * p.stock for p in products)
    print(f"{len(products)} products, stock value {total}")
    return 0
# --8<-- [end:main]
