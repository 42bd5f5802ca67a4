"""Code that acts only once its transaction has committed: the testing page's example.

Sending an e-mail or queueing a Celery task for a row that is then rolled back announces
something that never happened, so such work is registered with ``transaction.on_commit()``.
That is also why a test that is rolled back never sees it run.
"""

# --8<-- [start:on_commit]
from collections.abc import Callable

from catalog.models import Publisher
from django.db import transaction


def add_publisher(name: str, announce: Callable[[int], None]) -> Publisher:
    """Create a publisher and announce its id after the transaction commits.

    Args:
        name: The publisher's name (unique).
        announce: Called with the new primary key once the row is committed, for example
            a function that queues a Celery task or sends an e-mail.

    Returns:
        The saved publisher.

    """
    with transaction.atomic():
        publisher = Publisher.objects.create(name=name)
        transaction.on_commit(lambda: announce(publisher.pk))
    return publisher
# --8<-- [end:on_commit]
