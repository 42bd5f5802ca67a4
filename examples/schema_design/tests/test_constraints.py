"""Keys and constraints of the normalized schema: the database refuses bad data."""

import importlib
from decimal import Decimal
from io import StringIO

import pytest
from django.core.checks.model_checks import check_all_models
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, models, transaction
from django.db.models import ProtectedError, Q
from django.test.utils import isolate_apps

from schema_design import normalization as n
from schema_design.models import Customer, Order, OrderLine, Product

pytestmark = pytest.mark.django_db

# The start of the message each database sends, as Django raises it. MySQL 8 words some
# messages differently from MariaDB (the flavour the examples were written against).
UNIQUE_ERRORS = {
    "sqlite": "UNIQUE constraint failed: schema_design_customer.email",
    "postgresql": (
        'duplicate key value violates unique constraint "schema_design_customer_email_key"'
    ),
    "mariadb": "(1062, \"Duplicate entry 'amina@example.com' for key 'email'\")",
    # MySQL 8.0.19+ names the key with its table: 'schema_design_customer.email'.
    "mysql": "(1062, \"Duplicate entry 'amina@example.com' for key '",
}
CHECK_ERRORS = {
    "sqlite": "CHECK constraint failed: sd_orderline_quantity_min_1",
    "postgresql": (
        'new row for relation "schema_design_orderline" violates check constraint '
        '"sd_orderline_quantity_min_1"'
    ),
    "mariadb": "(4025, 'CONSTRAINT `sd_orderline_quantity_min_1` failed for",
    "mysql": "(3819, ",  # MySQL 8: Check constraint '...' is violated.
}


def flavour() -> str:
    """The database vendor, telling MariaDB apart from MySQL."""
    if connection.vendor == "mysql" and connection.mysql_is_mariadb:
        return "mariadb"
    return connection.vendor


@pytest.fixture
def shop():
    n.load_normalized(n.SAMPLE_LINES)


# --8<-- [start:test_constraints]
def test_unique_constraint_rejects_a_second_customer_with_the_same_email(shop):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Customer.objects.create(email="amina@example.com", name="Impostor", city="Kisumu")
    assert str(error.value).startswith(UNIQUE_ERRORS[flavour()])


def test_check_constraint_rejects_an_empty_order_line(shop):
    order = Order.objects.get(number="A-1002")
    product = Product.objects.get(sku="MUG-01")
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        OrderLine.objects.create(order=order, product=product, quantity=0, unit_price=1)
    assert str(error.value).startswith(CHECK_ERRORS[flavour()])
    assert "sd_orderline_quantity_min_1" in str(error.value)


def test_protect_refuses_to_delete_a_customer_with_orders(shop):
    with pytest.raises(ProtectedError) as error:
        Customer.objects.get(email="kofi@example.com").delete()
    assert error.value.args[0] == (
        "Cannot delete some instances of model 'Customer' because they are referenced "
        "through protected foreign keys: 'Order.customer'."
    )


def test_cascade_deletes_the_lines_with_their_order(shop):
    deleted, per_model = Order.objects.get(number="A-1001").delete()
    assert per_model == {"schema_design.OrderLine": 2, "schema_design.Order": 1}
    assert deleted == 3
# --8<-- [end:test_constraints]


def test_model_validation_reports_the_check_constraint_before_saving(shop):
    product = Product(sku="BAD-01", name="Refund voucher", price=Decimal("-5.00"))
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "Constraint “sd_product_price_not_negative” is violated." in str(error.value)
    assert not Product.objects.filter(sku="BAD-01").exists()


def test_the_order_date_index_is_a_separate_migration():
    out = StringIO()
    call_command("showmigrations", "schema_design", stdout=out)
    assert out.getvalue() == (
        "schema_design\n [X] 0001_initial\n [X] 0002_order_ordered_on_idx\n"
    )


@pytest.mark.django_db(transaction=True)
def test_sqlmigrate_prints_what_the_pages_show(settings):
    # sqlmigrate only prints SQL; on SQLite it must run outside the test's transaction.
    out = StringIO()
    call_command("sqlmigrate", "schema_design", "0002", stdout=out)
    outputs = settings.BASE_DIR / "schema_design" / "outputs"
    expected = (outputs / f"sqlmigrate_0002_{connection.vendor}.txt").read_text()
    assert out.getvalue() == expected


def test_makemigrations_describes_the_index_and_would_name_it_differently():
    module = importlib.import_module("schema_design.migrations.0002_order_ordered_on_idx")
    migration = module.Migration("0002_order_ordered_on_idx", "schema_design")
    # The line makemigrations prints under the file name, as the page shows it.
    assert [operation.formatted_description() for operation in migration.operations] == [
        "+ Create index sd_order_ordered_on_idx on field(s) ordered_on of model order"
    ]
    # The name makemigrations picks without --name order_ordered_on_idx.
    assert migration.suggest_name() == "order_sd_order_ordered_on_idx"


def test_makemigrations_check_passes_when_the_models_match_their_migrations():
    out = StringIO()
    call_command("makemigrations", "schema_design", "--check", "--dry-run", stdout=out)
    assert out.getvalue() == "No changes detected in app 'schema_design'\n"


def test_two_apps_with_the_same_constraint_name_fail_the_system_check():
    def product_in(app_label):
        constraint = models.CheckConstraint(
            condition=Q(price__gte=0), name="product_price_not_negative"
        )
        meta = type("Meta", (), {"app_label": app_label, "constraints": [constraint]})
        fields = {"price": models.DecimalField(max_digits=8, decimal_places=2)}
        return type("Product", (models.Model,), {"__module__": __name__, "Meta": meta, **fields})

    with isolate_apps("schema_design", "shop") as apps:  # throwaway models, no tables
        product_in("schema_design")
        product_in("shop")
        errors = check_all_models(app_configs=apps.get_app_configs())
    assert [str(error) for error in errors] == [
        "?: (models.E032) constraint name 'product_price_not_negative' is not unique among "
        "models: schema_design.Product, shop.Product."
    ]
