"""The database-design page's normalization claims: same facts, fewer ways to contradict them."""

from decimal import Decimal

import pytest

from schema_design import normalization as n
from schema_design.models import Customer, Order, OrderLine, OrderRecord, Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def flat():
    n.load_flat(n.SAMPLE_LINES)


@pytest.fixture
def normalized():
    n.load_normalized(n.SAMPLE_LINES)


def test_each_fact_is_stored_once_after_normalizing(flat, normalized):
    assert OrderRecord.objects.count() == 5
    # Amina's name is written in three flat rows, but once in the normalized schema.
    assert OrderRecord.objects.filter(customer_email="amina@example.com").count() == 3
    assert Customer.objects.count() == 2
    assert Product.objects.count() == 3
    assert Order.objects.count() == 3
    assert OrderLine.objects.count() == 5


def test_decomposition_loses_nothing(flat, normalized):
    expected = {"A-1001": Decimal("32.50"), "A-1002": Decimal("25.50"), "A-1003": Decimal("42.00")}
    assert n.order_totals_flat() == expected
    assert n.order_totals() == expected


# --8<-- [start:test_update_anomaly]
def test_flat_table_has_an_update_anomaly(flat):
    assert n.move_customer_flat("A-1002", "Mombasa") == 1  # one of Amina's three rows
    # The table now contradicts itself: where does Amina live?
    assert n.customer_cities_flat("amina@example.com") == {"Nairobi", "Mombasa"}


def test_normalized_schema_has_no_update_anomaly(normalized):
    assert n.move_customer("amina@example.com", "Mombasa") == 1  # the only row with her city
    assert n.customer_cities("amina@example.com") == {"Mombasa"}
# --8<-- [end:test_update_anomaly]


def test_flat_table_has_a_deletion_anomaly(flat):
    assert n.product_price_flat("PEN-42") == Decimal("30.00")
    n.delete_order_flat("A-1003")  # the only order that mentions the pen
    assert n.product_price_flat("PEN-42") is None  # the shop forgot it sells pens


def test_normalized_schema_has_no_deletion_anomaly(normalized):
    n.delete_order("A-1003")
    assert not OrderLine.objects.filter(order__number="A-1003").exists()  # lines cascaded
    assert n.product_price("PEN-42") == Decimal("30.00")
    assert Customer.objects.filter(email="kofi@example.com").exists()
