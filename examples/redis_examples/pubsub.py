"""Publish/subscribe: fire-and-forget messages to whoever listens right now."""

import time

import redis


# --8<-- [start:pubsub]
def subscribe(r: redis.Redis, channel: str) -> redis.client.PubSub:
    """Subscribe to a channel and wait until the server has confirmed it."""
    pubsub = r.pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(channel)  # on its own connection: a subscribed connection only listens
    # Until the server has registered the subscription, a PUBLISH does not reach us.
    deadline = time.monotonic() + 5
    while dict(r.pubsub_numsub(channel)).get(channel, 0) < 1:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the subscription to {channel} was not confirmed")
        time.sleep(0.01)
    return pubsub


def announce(r: redis.Redis, channel: str, text: str) -> int:
    """PUBLISH returns how many subscribers received the message, right now."""
    return r.publish(channel, text)


def next_message(pubsub: redis.client.PubSub, timeout: float = 5) -> str | None:
    """The next published message's data, or None when nothing arrives in time."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        # None also stands for a subscribe confirmation, which ignore_subscribe_messages
        # reads and drops: keep asking until a real message or the deadline.
        message = pubsub.get_message(timeout=left)
        if message is not None:
            return message["data"]
    return None
# --8<-- [end:pubsub]
