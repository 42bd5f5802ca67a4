"""Caching examples: low-level, queryset, per-view and fragment caching, with invalidation.

The data is the catalogue of the ``catalog`` app. The functions work with whichever cache
``CACHES["default"]`` names; the tests run them on the local-memory cache and on Redis.
"""

import time
from collections.abc import Callable
from typing import Any

from catalog.models import Book
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_page

# --8<-- [start:backends]
# Django's built-in Redis backend (Django 4.0+, uses redis-py). The number after the
# port picks a Redis database; KEY_PREFIX keeps two projects on one server apart.
REDIS_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
        "KEY_PREFIX": "nexus",
        "TIMEOUT": 300,  # default time to live in seconds for cache.set() without one
    }
}

# Memcached through pymemcache (pip install pymemcache). Same API, no persistence,
# values up to 1 MB by default.
MEMCACHED_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
        "LOCATION": "127.0.0.1:11211",
    }
}
# --8<-- [end:backends]


# --8<-- [start:uncached]
def book_titles_uncached() -> list[str]:
    """Every book title: one query on every call."""
    return list(Book.objects.values_list("title", flat=True))
# --8<-- [end:uncached]


# --8<-- [start:queryset_cache]
def queryset_reused() -> tuple[int, int]:
    """Evaluate one queryset twice: Django keeps its rows, so this is one query."""
    books = Book.objects.all()
    first = len(books)  # runs the query and fills books' result cache
    second = len(books)  # reuses the cached rows
    return first, second


def queryset_rebuilt() -> tuple[int, int]:
    """Build the queryset twice: two querysets, two queries."""
    return len(Book.objects.all()), len(Book.objects.all())
# --8<-- [end:queryset_cache]


# --8<-- [start:get_or_set]
BOOK_TITLES_KEY = "catalog:book-titles"


def book_titles() -> list[str]:
    """Every book title, from the cache when present; one query per 5 minutes at most."""
    # get_or_set() calls the function only on a miss, then stores its result.
    return cache.get_or_set(BOOK_TITLES_KEY, book_titles_uncached, timeout=300)
# --8<-- [end:get_or_set]


# --8<-- [start:invalidate]
@receiver(post_save, sender=Book)
@receiver(post_delete, sender=Book)
def forget_book_titles(sender: type[Book], **kwargs: Any) -> None:
    """Drop the cached titles whenever a book is saved or deleted."""
    cache.delete(BOOK_TITLES_KEY)
    cache.delete(make_template_fragment_key("book_list"))
# --8<-- [end:invalidate]


# --8<-- [start:versioned_key]
def book_detail_key(book_id: int) -> str:
    """A cache key that names what it holds and which record: ``catalog:book:42``."""
    return f"catalog:book:{book_id}"


def cached_book_detail(book_id: int, version: int = 1) -> dict[str, Any]:
    """One book as a dict; bump ``version`` when the dict's shape changes."""
    key = book_detail_key(book_id)
    data = cache.get(key, version=version)
    if data is None:
        book = Book.objects.select_related("author").get(pk=book_id)
        data = {"title": book.title, "author": book.author.name, "price": str(book.price)}
        cache.set(key, data, timeout=600, version=version)
    return data
# --8<-- [end:versioned_key]


# --8<-- [start:stampede]
def get_or_build_with_lock(
    key: str,
    build: Callable[[], Any],
    timeout: int = 300,
    lock_ttl: int = 30,
    wait: float = 0.05,
    max_wait: float = 10.0,
) -> Any:
    """Return the cached value; on a miss let only one caller build it.

    ``cache.add()`` stores the lock key only if it is absent, atomically (``SET NX`` on
    Redis), so of many callers that miss at the same moment exactly one gets ``True`` and
    runs the expensive ``build``. The others poll the cache until the value appears.

    Args:
        key: The cache key of the value.
        build: Computes the value on a miss; assumed to be slow.
        timeout: How long the value stays cached, in seconds.
        lock_ttl: How long the lock lives if its holder crashes, in seconds.
        wait: Seconds between two polls while another caller builds.
        max_wait: Give up waiting after this many seconds and build anyway.

    Returns:
        The cached or freshly built value.

    """
    value = cache.get(key)
    if value is not None:
        return value
    lock_key = f"{key}:lock"
    if cache.add(lock_key, "locked", timeout=lock_ttl):
        try:
            value = build()
            cache.set(key, value, timeout)
            return value
        finally:
            cache.delete(lock_key)
    deadline = time.monotonic() + max_wait
    while time.monotonic() < deadline:
        time.sleep(wait)
        value = cache.get(key)
        if value is not None:
            return value
    return build()
# --8<-- [end:stampede]


# --8<-- [start:cache_page]
@cache_page(60)
def book_list_api(request: HttpRequest) -> JsonResponse:
    """The whole response is cached for 60 seconds, keyed on the URL."""
    return JsonResponse({"titles": book_titles_uncached()})
# --8<-- [end:cache_page]


# --8<-- [start:fragment_view]
def book_list_page(request: HttpRequest):
    """Render the book list; the template caches the expensive part."""
    books = Book.objects.select_related("author")  # lazy: no query until the template loops
    return render(request, "tasks/book_list.html", {"books": books})
# --8<-- [end:fragment_view]
