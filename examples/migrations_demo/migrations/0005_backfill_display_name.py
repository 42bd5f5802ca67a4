# Written with: python manage.py makemigrations migrations_demo --empty --name backfill_display_name

from django.db import migrations, transaction
from django.db.models import F

BATCH_SIZE = 1000


# --8<-- [start:backfill]
def copy_names(apps, schema_editor):
    """Fill display_name from name, one short transaction per batch of rows."""
    # The model as it was at this migration, not the one in models.py today.
    Customer = apps.get_model("migrations_demo", "Customer")
    db = schema_editor.connection.alias
    last_pk = 0
    while True:
        with transaction.atomic(using=db):
            # list() first: MariaDB refuses LIMIT inside an IN (...) subquery.
            batch = list(
                Customer.objects.using(db)
                .filter(pk__gt=last_pk, display_name__isnull=True)
                .order_by("pk")
                .values_list("pk", flat=True)[:BATCH_SIZE]
            )
            if not batch:
                return
            Customer.objects.using(db).filter(pk__in=batch).update(display_name=F("name"))
        last_pk = batch[-1]


class Migration(migrations.Migration):
    # Not one transaction around the whole table: each batch commits on its own, so locks
    # are held for one batch at a time and a failure keeps the batches already done.
    atomic = False

    dependencies = [
        ("migrations_demo", "0004_customer_display_name"),
    ]

    operations = [
        # Going back to 0004 leaves the copied names in place: nothing to undo.
        migrations.RunPython(copy_names, reverse_code=migrations.RunPython.noop, elidable=True),
    ]
# --8<-- [end:backfill]
