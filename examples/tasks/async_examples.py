"""asyncio examples: the event loop, tasks, gather and non-blocking SQLite with aiosqlite.

Nothing here needs Django; the async views are in ``async_views.py``.
"""

import asyncio
import time
from pathlib import Path

import aiosqlite


# --8<-- [start:fake_io]
async def fetch_price(product: str, seconds: float) -> tuple[str, float]:
    """Pretend to call a slow pricing service: wait without blocking the event loop."""
    await asyncio.sleep(seconds)  # the loop runs other coroutines meanwhile
    return product, round(10 + len(product) * 1.5, 2)
# --8<-- [end:fake_io]


# --8<-- [start:sequential_vs_gather]
async def prices_one_by_one(products: list[str], seconds: float) -> dict[str, float]:
    """Await each call before starting the next: the waits add up."""
    results = {}
    for product in products:
        name, price = await fetch_price(product, seconds)
        results[name] = price
    return results


async def prices_concurrently(products: list[str], seconds: float) -> dict[str, float]:
    """Start every call, then wait for all: the waits overlap."""
    pairs = await asyncio.gather(*(fetch_price(p, seconds) for p in products))
    return dict(pairs)  # gather() keeps the order of its arguments
# --8<-- [end:sequential_vs_gather]


def timed(coroutine) -> tuple[object, float]:
    """Run a coroutine in a new event loop; return its result and the seconds it took."""
    start = time.perf_counter()
    result = asyncio.run(coroutine)
    return result, time.perf_counter() - start


# --8<-- [start:tasks]
async def first_price_within(products: list[str], timeout: float) -> dict[str, float]:
    """Start one task per product; keep the prices that arrive before the timeout."""
    tasks = {
        product: asyncio.create_task(fetch_price(product, 0.4 * i))
        for i, product in enumerate(products)
    }
    done, pending = await asyncio.wait(tasks.values(), timeout=timeout)
    for task in pending:
        task.cancel()  # tasks keep running unless cancelled
    return dict(task.result() for task in done)
# --8<-- [end:tasks]


# --8<-- [start:blocking]
async def blocking_heartbeat(beats: int) -> list[float]:
    """Tick every 10 ms while another coroutine calls time.sleep(): the ticks stop."""
    ticks: list[float] = []

    async def heartbeat():
        for _ in range(beats):
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.01)

    async def blocking_work():
        time.sleep(0.5)  # blocks the whole event loop, heartbeat included

    await asyncio.gather(heartbeat(), blocking_work())
    return [b - a for a, b in zip(ticks, ticks[1:], strict=False)]


async def non_blocking_heartbeat(beats: int) -> list[float]:
    """Same work moved to a thread with asyncio.to_thread(): the ticks keep coming."""
    ticks: list[float] = []

    async def heartbeat():
        for _ in range(beats):
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.01)

    await asyncio.gather(heartbeat(), asyncio.to_thread(time.sleep, 0.5))
    return [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
# --8<-- [end:blocking]


# --8<-- [start:aiosqlite]
async def save_orders(db_path: Path, orders: list[tuple[str, int]]) -> int:
    """Store (customer, cents) orders and return how many the table holds."""
    async with aiosqlite.connect(db_path) as db:  # the queries run in a helper thread
        await db.execute(
            "CREATE TABLE IF NOT EXISTS orders (customer TEXT NOT NULL, cents INTEGER NOT NULL)"
        )
        await db.executemany("INSERT INTO orders (customer, cents) VALUES (?, ?)", orders)
        await db.commit()
        async with db.execute("SELECT COUNT(*) FROM orders") as cursor:
            (count,) = await cursor.fetchone()
    return count


async def total_for(db_path: Path, customer: str) -> int:
    """Sum one customer's orders, with a parameterised query."""
    async with aiosqlite.connect(db_path) as db:
        async with db.execute(
            "SELECT COALESCE(SUM(cents), 0) FROM orders WHERE customer = ?", (customer,)
        ) as cursor:
            (total,) = await cursor.fetchone()
    return total


async def totals_concurrently(db_path: Path, customers: list[str]) -> dict[str, int]:
    """Run one query per customer at the same time, each on its own connection."""
    totals = await asyncio.gather(*(total_for(db_path, c) for c in customers))
    return dict(zip(customers, totals, strict=True))
# --8<-- [end:aiosqlite]
