"""The same orders stored flat and normalized, and the anomalies only the flat table has.

Each flat function has a normalized twin that answers the same question. The tests load
the same sample lines into both schemas and show where the flat one goes wrong.
"""

import datetime
from decimal import Decimal
from typing import NamedTuple

from django.db import transaction
from django.db.models import DecimalField, ExpressionWrapper, F, Sum

from .models import Customer, Order, OrderLine, OrderRecord, Product


class Line(NamedTuple):
    """One order line as it arrives from a checkout form or a spreadsheet export."""

    order_number: str
    ordered_on: datetime.date
    customer_email: str
    customer_name: str
    customer_city: str
    product_sku: str
    product_name: str
    unit_price: Decimal
    quantity: int


# --8<-- [start:sample]
SAMPLE_LINES = [
    Line("A-1001", datetime.date(2026, 3, 2), "amina@example.com", "Amina Njeri", "Nairobi",
         "MUG-01", "Enamel mug", Decimal("12.00"), 2),
    Line("A-1001", datetime.date(2026, 3, 2), "amina@example.com", "Amina Njeri", "Nairobi",
         "TEA-07", "Loose-leaf tea", Decimal("8.50"), 1),
    Line("A-1002", datetime.date(2026, 3, 9), "amina@example.com", "Amina Njeri", "Nairobi",
         "TEA-07", "Loose-leaf tea", Decimal("8.50"), 3),
    Line("A-1003", datetime.date(2026, 3, 10), "kofi@example.com", "Kofi Mensah", "Accra",
         "MUG-01", "Enamel mug", Decimal("12.00"), 1),
    Line("A-1003", datetime.date(2026, 3, 10), "kofi@example.com", "Kofi Mensah", "Accra",
         "PEN-42", "Fountain pen", Decimal("30.00"), 1),
]
# --8<-- [end:sample]


@transaction.atomic
def load_flat(lines: list[Line]) -> int:
    """Store every line as one ``OrderRecord`` row and return how many rows were written.

    Args:
        lines: The order lines to store.

    Returns:
        The number of rows created.

    """
    OrderRecord.objects.bulk_create(OrderRecord(**line._asdict()) for line in lines)
    return len(lines)


# --8<-- [start:load_normalized]
@transaction.atomic
def load_normalized(lines: list[Line]) -> int:
    """Split each line into its customer, product, order and order line; return lines stored.

    Each customer, product and order is created once, however many lines mention it.
    """
    for line in lines:
        customer, _ = Customer.objects.get_or_create(
            email=line.customer_email,
            defaults={"name": line.customer_name, "city": line.customer_city},
        )
        product, _ = Product.objects.get_or_create(
            sku=line.product_sku, defaults={"name": line.product_name, "price": line.unit_price}
        )
        order, _ = Order.objects.get_or_create(
            number=line.order_number,
            defaults={"customer": customer, "ordered_on": line.ordered_on},
        )
        OrderLine.objects.create(
            order=order, product=product, quantity=line.quantity, unit_price=line.unit_price
        )
    return len(lines)
# --8<-- [end:load_normalized]


# --8<-- [start:update_anomaly]
def move_customer_flat(order_number: str, city: str) -> int:
    """The customer moves; the clerk edits the order in front of them. Returns rows changed."""
    return OrderRecord.objects.filter(order_number=order_number).update(customer_city=city)


def customer_cities_flat(email: str) -> set[str]:
    """Every city the flat table records for one customer."""
    rows = OrderRecord.objects.filter(customer_email=email)
    return set(rows.values_list("customer_city", flat=True))
# --8<-- [end:update_anomaly]


# --8<-- [start:update_normalized]
def move_customer(email: str, city: str) -> int:
    """The customer moves: one row changes, and every order sees it through the join."""
    return Customer.objects.filter(email=email).update(city=city)


def customer_cities(email: str) -> set[str]:
    """Every city the orders of one customer point to."""
    orders = Order.objects.filter(customer__email=email)
    return set(orders.values_list("customer__city", flat=True))
# --8<-- [end:update_normalized]


# --8<-- [start:delete_anomaly]
def delete_order_flat(order_number: str) -> None:
    """Cancel an order by deleting its rows, and with them everything they mentioned."""
    OrderRecord.objects.filter(order_number=order_number).delete()


def product_price_flat(sku: str) -> Decimal | None:
    """A product's price, if any row still mentions the product."""
    row = OrderRecord.objects.filter(product_sku=sku).order_by("-ordered_on").first()
    return row.unit_price if row else None


def delete_order(order_number: str) -> None:
    """Cancel an order: its lines go with it (CASCADE); products and customers stay."""
    Order.objects.filter(number=order_number).delete()


def product_price(sku: str) -> Decimal | None:
    """A product's current price, whether or not anyone ordered it."""
    product = Product.objects.filter(sku=sku).first()
    return product.price if product else None
# --8<-- [end:delete_anomaly]


# --8<-- [start:totals]
def order_totals_flat() -> dict[str, Decimal]:
    """Total of each order, from the flat table."""
    line_total = ExpressionWrapper(
        F("unit_price") * F("quantity"), output_field=DecimalField(max_digits=10, decimal_places=2)
    )
    rows = OrderRecord.objects.values("order_number").annotate(total=Sum(line_total))
    return {row["order_number"]: row["total"] for row in rows.order_by("order_number")}


def order_totals() -> dict[str, Decimal]:
    """Total of each order, from the normalized tables: same numbers, joined back together."""
    line_total = ExpressionWrapper(
        F("lines__unit_price") * F("lines__quantity"),
        output_field=DecimalField(max_digits=10, decimal_places=2),
    )
    orders = Order.objects.annotate(total=Sum(line_total)).order_by("number")
    return {order.number: order.total for order in orders}
# --8<-- [end:totals]
