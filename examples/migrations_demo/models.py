"""The customer model after five releases.

Release 1 had ``name``. Release 3 added ``display_name`` beside it, and release 5 finished
replacing one with the other: a rename done in steps that old and new code can share.
"""

from django.db import models


# --8<-- [start:model]
class Customer(models.Model):
    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=100)
    # A default the database keeps (DEFAULT 'free'), so code that does not know the
    # column can still insert rows.
    plan = models.CharField(max_length=10, db_default="free")

    class Meta:
        indexes = [models.Index(fields=["plan"], name="demo_customer_plan_idx")]
# --8<-- [end:model]

    def __str__(self) -> str:
        return self.email
