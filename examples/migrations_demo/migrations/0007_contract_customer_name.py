# Written by makemigrations (the AlterField; option 2 at its NOT NULL question, since 0005
# already filled every row), then the RunSQL added: Django no longer knows the column.

from django.db import migrations, models


# --8<-- [start:contract]
class Migration(migrations.Migration):
    dependencies = [
        ("migrations_demo", "0006_forget_customer_name"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE migrations_demo_customer DROP COLUMN name",
            # Backwards, the column comes back empty; 0006 backwards refills it.
            reverse_sql="ALTER TABLE migrations_demo_customer ADD COLUMN name varchar(100) NULL",
        ),
        migrations.AlterField(
            model_name="customer",
            name="display_name",
            field=models.CharField(max_length=100),
        ),
    ]
# --8<-- [end:contract]
