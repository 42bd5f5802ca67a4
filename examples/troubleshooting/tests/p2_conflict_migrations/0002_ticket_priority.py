"""Made on branch feature/priority."""

from django.db import migrations, models


# --8<-- [start:branch_a]
class Migration(migrations.Migration):
    dependencies = [("troubleshooting", "0001_initial")]

    operations = [
        migrations.AddField("ticket", "priority", models.PositiveSmallIntegerField(default=3)),
    ]
# --8<-- [end:branch_a]
