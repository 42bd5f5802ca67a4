# Release 4 stops using Customer.name. Django forgets the field now; the column stays
# (nullable) for the release-3 pods that still write it, and is dropped in 0007.

from django.db import migrations, models


# --8<-- [start:forget]
class Migration(migrations.Migration):
    dependencies = [
        ("migrations_demo", "0005_backfill_display_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # What the database does: the old column may now be left empty.
            database_operations=[
                migrations.AlterField(
                    model_name="customer",
                    name="name",
                    field=models.CharField(max_length=100, null=True),
                ),
            ],
            # What Django's models believe: there is no name field any more.
            state_operations=[
                migrations.RemoveField(model_name="customer", name="name"),
            ],
        ),
        # Only runs backwards: refill the names that release-4 code left empty, so the
        # column can be NOT NULL again.
        migrations.RunSQL(
            migrations.RunSQL.noop,
            reverse_sql=(
                "UPDATE migrations_demo_customer SET name = display_name WHERE name IS NULL"
            ),
            elidable=True,
        ),
    ]
# --8<-- [end:forget]
