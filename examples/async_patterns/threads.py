"""Where sync_to_async() runs synchronous code, and why ORM results must be evaluated there.

Django's ORM keeps one database connection per thread, so asgiref's ``sync_to_async()``
defaults to ``thread_sensitive=True``: every such call in a request runs in one shared
thread, one after another. ``thread_sensitive=False`` gives each call a thread of its own,
which overlaps blocking work but must not touch the ORM.
"""

import asyncio
import threading
import time

from asgiref.sync import sync_to_async
from catalog.models import Book


# --8<-- [start:thread_sensitive]
def slow_lookup(seconds: float) -> str:
    """A blocking call (a legacy client, a slow library): returns the thread it ran in."""
    time.sleep(seconds)
    return threading.current_thread().name


async def two_lookups(*, thread_sensitive: bool, seconds: float) -> tuple[list[str], float]:
    """Start two blocking calls at once; return their threads and the seconds taken."""
    lookup = sync_to_async(slow_lookup, thread_sensitive=thread_sensitive)
    start = time.perf_counter()
    threads = await asyncio.gather(lookup(seconds), lookup(seconds))
    return list(threads), time.perf_counter() - start
# --8<-- [end:thread_sensitive]


# --8<-- [start:lazy_queryset]
def titles_lazy():
    """Wrong: returns an unevaluated QuerySet; the query runs later, in async code."""
    return Book.objects.values_list("title", flat=True)


def titles_evaluated() -> list[str]:
    """Right: list() runs the query here, inside the thread sync_to_async() provides."""
    return list(Book.objects.values_list("title", flat=True))


async def count_titles(fetch) -> int:
    """Fetch titles through sync_to_async(), then use them in async code."""
    titles = await sync_to_async(fetch)()
    return len(list(titles))  # list() iterates: a lazy QuerySet sends its query here
# --8<-- [end:lazy_queryset]
