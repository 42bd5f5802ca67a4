"""Models of the database-design pages: one flat order table and its normalized version.

``OrderRecord`` is the spreadsheet-style table a first design often starts from: one row
per order line, with the customer's and the product's details copied into every row.
``Customer``, ``Product``, ``Order`` and ``OrderLine`` hold the same facts in third normal
form, each fact stored once. ``AuditEvent`` is a small JSON-column model for the
PostgreSQL/MySQL comparison page.
"""

from django.db import models
from django.db.models import Q


# --8<-- [start:flat]
class OrderRecord(models.Model):
    """One order line per row, with customer and product details repeated in every row."""

    order_number = models.CharField(max_length=20)
    ordered_on = models.DateField()
    customer_email = models.CharField(max_length=254)
    customer_name = models.CharField(max_length=100)
    customer_city = models.CharField(max_length=100)
    product_sku = models.CharField(max_length=20)
    product_name = models.CharField(max_length=200)
    unit_price = models.DecimalField(max_digits=8, decimal_places=2)
    quantity = models.PositiveIntegerField()

    class Meta:
        constraints = [
            # The natural key of an order line: one row per product per order.
            models.UniqueConstraint(
                fields=["order_number", "product_sku"], name="sd_orderrecord_one_per_product"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order_number} / {self.product_sku}"
# --8<-- [end:flat]


# --8<-- [start:normalized]
class Customer(models.Model):
    """A person who places orders; their details live here and nowhere else."""

    email = models.CharField(max_length=254, unique=True)
    name = models.CharField(max_length=100)
    city = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.email


class Product(models.Model):
    """Something for sale, identified by its stock-keeping unit (SKU)."""

    sku = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    price = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=0), name="sd_product_price_not_negative"),
        ]

    def __str__(self) -> str:
        return self.sku


class Order(models.Model):
    """One purchase by one customer; its lines say what was bought."""

    number = models.CharField(max_length=20, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="orders")
    ordered_on = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["ordered_on"], name="sd_order_ordered_on_idx")]

    def __str__(self) -> str:
        return self.number


class OrderLine(models.Model):
    """One product in one order, with the price actually charged."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="order_lines")
    quantity = models.PositiveIntegerField()
    # Not a copy of Product.price: the price on the day of the order, which is its own fact.
    unit_price = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["order", "product"], name="sd_orderline_product_once"),
            models.CheckConstraint(
                condition=Q(quantity__gte=1), name="sd_orderline_quantity_min_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.product_id} in {self.order_id}"
# --8<-- [end:normalized]


# --8<-- [start:json]
class AuditEvent(models.Model):
    """Something that happened, with a free-form JSON payload."""

    kind = models.CharField(max_length=50)
    payload = models.JSONField(default=dict)

    def __str__(self) -> str:
        return self.kind
# --8<-- [end:json]
