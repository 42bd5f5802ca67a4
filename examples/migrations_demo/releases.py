"""What each release's code does with a customer, written against that release's model.

Tests pass each function the model *as that release knew it* (rebuilt from the migrations),
so old code can be run against a newer schema, as it is during a rolling deploy.
"""

from django.db.models import F
from django.db.models.functions import Coalesce

# The last migration each release shipped: its code runs on this schema and the next one.
RELEASES = {
    1: "0001_initial",
    2: "0003_customer_plan_idx",
    3: "0004_customer_display_name",
    4: "0006_forget_customer_name",
    5: "0007_contract_customer_name",
}


# --8<-- [start:releases]
def sign_up(release: int, Customer, email: str, name: str):
    """Create a customer the way the code of that release does."""
    if release <= 2:
        return Customer.objects.create(email=email, name=name)
    if release == 3:
        # Expand: write both columns, so release-2 and release-4 code both find the name.
        return Customer.objects.create(email=email, name=name, display_name=name)
    return Customer.objects.create(email=email, display_name=name)


def names(release: int, Customer) -> list[str]:
    """The names that release shows, read from the column it trusts."""
    if release <= 2:
        shown = F("name")
    elif release == 3:
        # Rows written before the backfill have no display_name yet.
        shown = Coalesce("display_name", "name")
    else:
        shown = F("display_name")
    return list(Customer.objects.order_by("pk").values_list(shown, flat=True))
# --8<-- [end:releases]
