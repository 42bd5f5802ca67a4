"""Made on branch feature/status, at the same time."""

from django.db import migrations, models


# --8<-- [start:branch_b]
class Migration(migrations.Migration):
    dependencies = [("troubleshooting", "0001_initial")]

    operations = [
        migrations.AddField("ticket", "status", models.CharField(default="open", max_length=10)),
    ]
# --8<-- [end:branch_b]
