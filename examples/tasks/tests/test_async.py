"""The async page's claims: overlapping waits, a blocked loop, aiosqlite and async views."""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from catalog.sample_data import create_sample_catalog
from django.core.exceptions import SynchronousOnlyOperation

from tasks import async_examples as ax

PRODUCTS = [f"product-{i}" for i in range(10)]


# --8<-- [start:test_gather]
def test_ten_concurrent_waits_take_about_as_long_as_one():
    sequential, sequential_s = ax.timed(ax.prices_one_by_one(PRODUCTS, 0.1))
    concurrent, concurrent_s = ax.timed(ax.prices_concurrently(PRODUCTS, 0.1))

    assert concurrent == sequential  # same answers, same order
    assert sequential_s >= 10 * 0.1  # the waits add up: at least the sum
    assert concurrent_s < sequential_s / 2  # they overlap: close to the longest one
# --8<-- [end:test_gather]


def test_wait_keeps_what_finished_and_cancels_the_rest():
    prices = asyncio.run(ax.first_price_within(["a", "b", "c", "d"], timeout=0.6))
    # Delays are 0, 0.4, 0.8 and 1.2 seconds: the first two make it.
    assert sorted(prices) == ["a", "b"]


def test_asyncio_run_refuses_to_nest():
    async def outer():
        coroutine = ax.fetch_price("x", 0)
        try:
            asyncio.run(coroutine)
        finally:
            coroutine.close()

    with pytest.raises(RuntimeError, match="cannot be called from a running event loop"):
        asyncio.run(outer())


# --8<-- [start:test_blocking]
def test_a_blocking_call_freezes_every_coroutine():
    blocked_gaps = asyncio.run(ax.blocking_heartbeat(beats=20))
    free_gaps = asyncio.run(ax.non_blocking_heartbeat(beats=20))

    assert max(blocked_gaps) >= 0.5  # no tick while time.sleep() held the loop
    assert max(free_gaps) < max(blocked_gaps) / 2  # with to_thread() the ticks kept coming
# --8<-- [end:test_blocking]


# --8<-- [start:test_aiosqlite]
def test_aiosqlite_stores_and_sums_orders(tmp_path):
    db_path = tmp_path / "orders.sqlite3"
    orders = [("ada", 1200), ("ada", 800), ("linus", 500)]

    assert asyncio.run(ax.save_orders(db_path, orders)) == 3
    totals = asyncio.run(ax.totals_concurrently(db_path, ["ada", "linus", "grace"]))
    assert totals == {"ada": 2000, "linus": 500, "grace": 0}
# --8<-- [end:test_aiosqlite]


@pytest.mark.django_db
class TestAsyncViews:
    @pytest.fixture(autouse=True)
    def books(self):
        return create_sample_catalog(authors=2, books_per_author=3)

    # --8<-- [start:test_sync_only]
    def test_the_sync_orm_in_an_async_view_raises(self, client):
        with pytest.raises(SynchronousOnlyOperation) as error:
            client.get("/tasks/async/books/count-broken/")
        assert str(error.value) == (
            "You cannot call this from an async context - use a thread or sync_to_async."
        )

    def test_the_async_orm_and_sync_to_async_work(self, client, books):
        assert client.get("/tasks/async/books/count/").json() == {"books": 6}
        detail = client.get(f"/tasks/async/books/{books[0].pk}/").json()
        assert detail == {"title": "Book 01-01", "author": "Author 01"}
        titles = client.get("/tasks/async/authors/Author 02/").json()["titles"]
        assert titles == ["Book 02-01", "Book 02-02", "Book 02-03"]
    # --8<-- [end:test_sync_only]

    def test_async_orm_methods_from_a_coroutine(self, books):
        from catalog.models import Book

        async def count_and_first():
            return await Book.objects.acount(), (await Book.objects.afirst()).title

        assert async_to_sync(count_and_first)() == (6, "Book 01-01")

    def test_the_price_board_gathers_three_services(self, client):
        assert set(client.get("/tasks/async/prices/").json()) == {"keyboard", "mouse", "monitor"}
