"""The caching page's claims, on the local-memory cache and on a real Redis server."""

import threading
import time
import uuid

import pytest
import redis
from catalog.models import Book
from catalog.sample_data import create_sample_catalog
from django.core.cache import cache
from django.test import override_settings
from django.utils.module_loading import import_string

from tasks import caching

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["locmem", pytest.param("redis", marks=pytest.mark.redis)])
def cache_backend(request):
    """Run the test once on LocMemCache and once on Django's RedisCache."""
    prefix = f"nexus-test-{uuid.uuid4().hex[:8]}"
    if request.param == "locmem":
        config = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix}
    else:
        redis_url = request.getfixturevalue("redis_url")
        config = {**caching.REDIS_CACHES["default"], "LOCATION": redis_url, "KEY_PREFIX": prefix}
    with override_settings(CACHES={"default": config}):
        yield request.param
    if request.param == "redis":  # clear() would empty the whole Redis database
        client = redis.Redis.from_url(config["LOCATION"])
        keys = list(client.scan_iter(f"{prefix}:*"))
        if keys:
            client.delete(*keys)
        client.close()


@pytest.fixture
def books():
    return create_sample_catalog(authors=5, books_per_author=4)


# --8<-- [start:test_measured]
def test_the_cache_turns_ten_queries_into_one(cache_backend, books, django_assert_num_queries):
    with django_assert_num_queries(10):
        uncached = [caching.book_titles_uncached() for _ in range(10)]
    with django_assert_num_queries(1):  # the first call misses and fills the cache
        cached = [caching.book_titles() for _ in range(10)]
    assert cached == uncached
    assert len(cached[0]) == 20
# --8<-- [end:test_measured]


# --8<-- [start:test_invalidate]
def test_saving_a_book_drops_the_cached_titles(cache_backend, books, django_assert_num_queries):
    caching.book_titles()  # fill the cache
    book = books[0]
    book.title = "A brand new title"
    book.save()  # post_save deletes the key

    with django_assert_num_queries(1):
        titles = caching.book_titles()
    assert "A brand new title" in titles
# --8<-- [end:test_invalidate]


def test_deleting_a_book_drops_the_cached_titles(cache_backend, books):
    assert len(caching.book_titles()) == 20
    Book.objects.get(pk=books[0].pk).delete()
    assert len(caching.book_titles()) == 19


def test_queryset_result_cache(books, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert caching.queryset_reused() == (20, 20)
    with django_assert_num_queries(2):
        assert caching.queryset_rebuilt() == (20, 20)


# --8<-- [start:test_versions_and_ttl]
def test_versions_keep_old_and_new_shapes_apart(cache_backend, books, django_assert_num_queries):
    pk = books[0].pk
    assert caching.book_detail_key(pk) == f"catalog:book:{pk}"
    with django_assert_num_queries(1):
        v1 = caching.cached_book_detail(pk, version=1)
    with django_assert_num_queries(0):
        assert caching.cached_book_detail(pk, version=1) == v1
    with django_assert_num_queries(1):  # version 2 is a different key: a miss
        caching.cached_book_detail(pk, version=2)


def test_timeouts(cache_backend):
    cache.set("short-lived", "value", timeout=2)
    cache.set("not-stored", "value", timeout=0)  # 0 means "expire immediately"
    cache.set("forever", "value", timeout=None)  # None means "never expire"
    assert cache.get("short-lived") == "value"
    assert cache.get("not-stored") is None
    time.sleep(2.2)
    assert cache.get("short-lived") is None
    assert cache.get("forever") == "value"
# --8<-- [end:test_versions_and_ttl]


# --8<-- [start:test_stampede]
def run_at_once(function, callers=8):
    """Call function from several threads released at the same moment; return the results."""
    barrier = threading.Barrier(callers)
    results = []

    def call():
        barrier.wait()
        results.append(function())

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_only_one_caller_rebuilds_a_missing_value(cache_backend):
    builds = {"naive": 0, "locked": 0}

    def slow_build(name):
        builds[name] += 1
        time.sleep(0.5)  # an expensive query or API call
        return "report"

    naive = run_at_once(lambda: cache.get_or_set("naive", lambda: slow_build("naive"), 60))
    locked = run_at_once(
        lambda: caching.get_or_build_with_lock("locked", lambda: slow_build("locked"))
    )

    assert naive == locked == ["report"] * 8
    assert builds["naive"] > 1  # every caller that missed rebuilt the value: a stampede
    assert builds["locked"] == 1  # cache.add() let exactly one caller build
# --8<-- [end:test_stampede]


# --8<-- [start:test_cache_page]
def test_cache_page_serves_the_second_request_without_queries(
    cache_backend, books, client, django_assert_num_queries
):
    with django_assert_num_queries(1):
        first = client.get("/tasks/books.json")
    with django_assert_num_queries(0):
        second = client.get("/tasks/books.json")
    assert first.json() == second.json()
    assert "max-age=60" in second["Cache-Control"]

    # Signals do not reach the page cache: it stays stale until its 60 seconds are up.
    Book.objects.filter(pk=books[0].pk).update(title="Renamed")
    assert "Renamed" not in client.get("/tasks/books.json").json()["titles"]
# --8<-- [end:test_cache_page]


# --8<-- [start:test_fragment]
def test_the_fragment_cache_skips_the_query(
    cache_backend, books, client, django_assert_num_queries
):
    with django_assert_num_queries(1):
        first = client.get("/tasks/books/")
    with django_assert_num_queries(0):  # the lazy queryset is never evaluated
        second = client.get("/tasks/books/")
    assert first.content == second.content
    assert b"Book 01-01 by Author 01" in second.content

    books[0].title = "Renamed"
    books[0].save()  # the post_save handler deletes the fragment's key too
    assert b"Renamed by Author 01" in client.get("/tasks/books/").content
# --8<-- [end:test_fragment]


def test_the_backend_settings_name_real_classes():
    for caches in (caching.REDIS_CACHES, caching.MEMCACHED_CACHES):
        assert import_string(caches["default"]["BACKEND"])


def test_an_unreachable_redis_raises_on_every_call():
    unreachable = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    }
    with override_settings(CACHES={"default": unreachable}):
        with pytest.raises(redis.exceptions.ConnectionError) as error:
            cache.get("anything")
    assert str(error.value) == "Error 111 connecting to 127.0.0.1:1. Connection refused."
