"""Round trips counted on a real connection, and publish/subscribe between two connections."""

import pytest

from redis_examples import pipelines, pubsub

pytestmark = pytest.mark.redis


# --8<-- [start:test_pipeline]
def test_a_pipeline_sends_100_commands_in_one_round_trip(redis_url, r, suffix):
    client = pipelines.counting_client(redis_url)
    prices = {f"{suffix}-{n}": n for n in range(100)}

    pipelines.set_prices_one_by_one(client, prices)
    assert client.round_trips() == 100

    assert pipelines.set_prices_pipelined(client, prices) == [True] * 100
    assert client.round_trips() == 101  # MULTI, 100 SETs and EXEC: one write, one wait
    assert r.get(f"price:{suffix}-42") == "42"
    client.close()
# --8<-- [end:test_pipeline]


# --8<-- [start:test_pubsub]
def test_publish_reaches_the_subscribers_listening_now(r, suffix):
    channel = f"prices-{suffix}"
    assert pubsub.announce(r, channel, "before anyone listens") == 0  # gone for good

    listener = pubsub.subscribe(r, channel)
    try:
        assert pubsub.announce(r, channel, "sku-1 is now 9.99") == 1  # one subscriber got it
        assert pubsub.next_message(listener) == "sku-1 is now 9.99"
        assert pubsub.next_message(listener, timeout=0.2) is None  # nothing was stored
    finally:
        listener.close()
# --8<-- [end:test_pubsub]
