"""sync_to_async(): one shared thread by default, and results evaluated inside it."""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from catalog.sample_data import create_sample_catalog
from django.core.exceptions import SynchronousOnlyOperation

from async_patterns.threads import count_titles, titles_evaluated, titles_lazy, two_lookups

SECONDS = 0.2


# --8<-- [start:test_thread_sensitive]
def test_thread_sensitive_calls_share_one_thread_and_take_turns():
    threads, elapsed = asyncio.run(two_lookups(thread_sensitive=True, seconds=SECONDS))
    assert threads[0] == threads[1]  # the same thread ran both calls...
    assert elapsed >= 2 * SECONDS  # ...so the second waited for the first


def test_thread_insensitive_calls_get_their_own_threads_and_overlap():
    shared, shared_s = asyncio.run(two_lookups(thread_sensitive=True, seconds=SECONDS))
    threads, elapsed = asyncio.run(two_lookups(thread_sensitive=False, seconds=SECONDS))
    assert threads[0] != threads[1]  # one thread per call...
    assert elapsed < shared_s  # ...so the waits overlapped
# --8<-- [end:test_thread_sensitive]


# --8<-- [start:test_lazy_queryset]
@pytest.mark.django_db
def test_a_lazy_queryset_returned_from_sync_to_async_fails_in_async_code():
    create_sample_catalog(authors=1, books_per_author=3)

    with pytest.raises(SynchronousOnlyOperation, match="use a thread or sync_to_async"):
        async_to_sync(count_titles)(titles_lazy)
    assert async_to_sync(count_titles)(titles_evaluated) == 3
# --8<-- [end:test_lazy_queryset]
