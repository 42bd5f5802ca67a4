# Written by makemigrations as AddIndex, then edited: CREATE INDEX CONCURRENTLY builds the
# index without blocking writes, and PostgreSQL refuses to run it inside a transaction.

from django.db import migrations, models

from migrations_demo.operations import AddIndexConcurrentlyOnPostgreSQL


# --8<-- [start:migration]
class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run inside a transaction

    dependencies = [
        ("migrations_demo", "0002_customer_plan"),
    ]

    operations = [
        AddIndexConcurrentlyOnPostgreSQL(
            model_name="customer",
            index=models.Index(fields=["plan"], name="demo_customer_plan_idx"),
        ),
    ]
# --8<-- [end:migration]
