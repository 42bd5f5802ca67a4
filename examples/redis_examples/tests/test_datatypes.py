"""Each data type against the real Redis server, with keys unique to the test run."""

import threading
import time

import pytest

from redis_examples import datatypes, expiry

pytestmark = pytest.mark.redis


# --8<-- [start:test_strings]
def test_incr_counts_without_losing_updates(r, suffix):
    page = f"home-{suffix}"
    assert datatypes.views(r, page) == 0  # a missing key reads as 0

    def visit():
        for _ in range(100):
            datatypes.count_view(r, page)

    threads = [threading.Thread(target=visit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert datatypes.views(r, page) == 400  # four writers at once, not one update lost
    assert r.type(f"views:{page}") == "string"  # a counter is a string holding an integer
# --8<-- [end:test_strings]


# --8<-- [start:test_hashes_lists_sets]
def test_a_hash_holds_fields_of_one_record(r, suffix):
    datatypes.save_profile(r, suffix, name="Ada", city="London")
    datatypes.save_profile(r, suffix, city="Paris")  # HSET updates only the fields given
    assert datatypes.profile(r, suffix) == {"name": "Ada", "city": "Paris"}
    assert r.hget(f"user:{suffix}", "name") == "Ada"


def test_a_capped_list_keeps_the_newest_events(r, suffix):
    for n in range(1, 8):
        datatypes.record_activity(r, suffix, f"event {n}", keep=5)
    assert datatypes.recent_activity(r, suffix) == [f"event {n}" for n in (7, 6, 5, 4, 3)]


def test_sets_ignore_duplicates_and_intersect_on_the_server(r, suffix):
    first, second = f"redis-{suffix}", f"celery-{suffix}"
    assert datatypes.tag_article(r, first, "python", "caching", "python") == 2
    datatypes.tag_article(r, second, "python", "queues")
    assert datatypes.common_tags(r, first, second) == {"python"}
# --8<-- [end:test_hashes_lists_sets]


# --8<-- [start:test_leaderboard]
def test_a_sorted_set_is_a_leaderboard(r, suffix):
    board = f"weekly-{suffix}"
    for player, points in [("ada", 30), ("grace", 50), ("linus", 20), ("ada", 25)]:
        datatypes.add_points(r, board, player, points)

    assert datatypes.top(r, board, 3) == [("ada", 55.0), ("grace", 50.0), ("linus", 20.0)]
    assert datatypes.rank(r, board, "grace") == 2
    assert datatypes.rank(r, board, "nobody") is None
# --8<-- [end:test_leaderboard]


# --8<-- [start:test_ttl]
def test_ttl_and_set_nx(r, suffix):
    email = f"ada-{suffix}@example.com"
    expiry.remember_code(r, email, "482913", seconds=600)
    assert 595 <= expiry.seconds_left(r, f"login-code:{email}") <= 600

    r.set(f"plain-{suffix}", "no expiry")
    assert expiry.seconds_left(r, f"plain-{suffix}") == -1  # exists, never expires
    assert expiry.seconds_left(r, f"missing-{suffix}") == -2  # does not exist

    assert r.expire(f"plain-{suffix}", 30)  # EXPIRE adds a TTL to an existing key
    assert 25 <= r.ttl(f"plain-{suffix}") <= 30
    r.set(f"plain-{suffix}", "rewritten")  # a plain SET removes the TTL again
    assert r.ttl(f"plain-{suffix}") == -1


def test_claim_once_lets_exactly_one_caller_in(r, suffix):
    results = []
    barrier = threading.Barrier(8)

    def worker():
        barrier.wait()
        results.append(expiry.claim_once(r, f"welcome-email-{suffix}", seconds=60))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
    assert 55 <= r.ttl(f"claim:welcome-email-{suffix}") <= 60
# --8<-- [end:test_ttl]


def test_expired_keys_are_gone(r, suffix):
    r.set(f"short-{suffix}", "x", px=100)  # PX: milliseconds
    assert r.get(f"short-{suffix}") == "x"
    deadline = time.monotonic() + 2
    while r.exists(f"short-{suffix}") and time.monotonic() < deadline:
        time.sleep(0.02)
    assert r.get(f"short-{suffix}") is None
