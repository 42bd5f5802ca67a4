"""Behaviour that differs between SQLite, PostgreSQL and MySQL/MariaDB under the same ORM code.

Each function runs the same Python on every backend; the tests assert what each database
answers, keyed on ``connection.vendor``.
"""

from django.db import IntegrityError, connection, transaction
from django.db.models import F

from .models import AuditEvent, Customer, OrderLine, Product


# --8<-- [start:case]
def count_exact(email: str) -> int:
    """Customers whose email equals ``email`` (``exact``: ``=`` in SQL)."""
    return Customer.objects.filter(email=email).count()


def count_containing(text: str) -> int:
    """Customers whose email contains ``text`` (``contains``: ``LIKE`` in SQL)."""
    return Customer.objects.filter(email__contains=text).count()
# --8<-- [end:case]


# --8<-- [start:isolation]
def isolation_level() -> str:
    """The isolation level of this connection's transactions, as the database reports it."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW transaction_isolation")
        elif connection.vendor == "mysql":
            # MariaDB and MySQL 5.7 call it tx_isolation; MySQL 8.0 transaction_isolation.
            name = "tx_isolation" if connection.mysql_is_mariadb else "transaction_isolation"
            cursor.execute(f"SELECT @@SESSION.{name}")
        else:
            # SQLite transactions are serializable unless read_uncommitted is switched on.
            cursor.execute("PRAGMA read_uncommitted")
            return "read uncommitted" if cursor.fetchone()[0] else "serializable"
        return cursor.fetchone()[0].lower().replace("-", " ")
# --8<-- [end:isolation]


# --8<-- [start:lost_update]
def add_one_in_python(line_id: int) -> None:
    """Read the quantity, add one in Python, write it back: a concurrent update can be lost."""
    with transaction.atomic():
        line = OrderLine.objects.get(pk=line_id)
        line.quantity += 1
        line.save(update_fields=["quantity"])


def add_one_in_sql(line_id: int) -> None:
    """Fix 1: UPDATE ... SET quantity = quantity + 1; the database adds to the current value."""
    OrderLine.objects.filter(pk=line_id).update(quantity=F("quantity") + 1)


def add_one_locked(line_id: int) -> None:
    """Fix 2: SELECT ... FOR UPDATE; a second caller waits here until the first commits."""
    with transaction.atomic():
        line = OrderLine.objects.select_for_update().get(pk=line_id)
        line.quantity += 1
        line.save(update_fields=["quantity"])
# --8<-- [end:lost_update]


class _Undo(Exception):
    """Raised to roll a transaction back on purpose."""


# --8<-- [start:aborted]
def count_after_swallowed_error(email: str) -> int:
    """Insert a duplicate inside a transaction, ignore the error, and keep querying."""
    with transaction.atomic():
        try:
            Customer.objects.create(email=email, name="Duplicate", city="Nowhere")
        except IntegrityError:
            pass  # too late: Django has marked the whole transaction for rollback
        return Customer.objects.count()


def count_after_rolled_back_error(email: str) -> int:
    """The fix: a nested atomic() is a savepoint, and only the failed insert is undone."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                Customer.objects.create(email=email, name="Duplicate", city="Nowhere")
        except IntegrityError:
            pass
        return Customer.objects.count()
# --8<-- [end:aborted]


# --8<-- [start:ddl]
def ddl_rolls_back(table: str = "schema_design_ddl_probe") -> bool:
    """Create a table inside a transaction, roll back, and report whether the table is gone."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE TABLE {table} (id integer)")
            raise _Undo
    except _Undo:
        pass
    survived = table in connection.introspection.table_names()
    if survived:  # MySQL committed the CREATE TABLE on its own; clean up.
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {table}")
    return not survived
# --8<-- [end:ddl]


# --8<-- [start:json]
def events_of_user(user_id: int) -> list[str]:
    """Kinds of the events whose payload has ``{"user": {"id": user_id}}``: works everywhere."""
    events = AuditEvent.objects.filter(payload__user__id=user_id).order_by("id")
    return list(events.values_list("kind", flat=True))


def events_tagged(tag: str) -> list[str]:
    """Kinds of the events whose ``tags`` list holds ``tag``: not on SQLite."""
    events = AuditEvent.objects.filter(payload__contains={"tags": [tag]}).order_by("id")
    return list(events.values_list("kind", flat=True))
# --8<-- [end:json]


# --8<-- [start:explain]
def sku_lookup_plan(sku: str) -> str:
    """The database's plan for finding one product by its unique SKU."""
    products = Product.objects.filter(sku=sku)
    if connection.vendor == "mysql":
        # On MySQL 8.0.16+ Django defaults to the TREE format; TEXT is the classic table.
        return products.explain(format="TEXT")
    return products.explain()
# --8<-- [end:explain]
