"""RabbitMQ with kombu, the messaging library under Celery: publish, route, ack, dead-letter.

Every function takes an open ``kombu.Connection`` and the entities to use, so the tests can
give each run queue and exchange names of its own and delete them afterwards.
"""

from collections.abc import Callable
from typing import Any

from kombu import Connection, Exchange, Queue
from kombu.message import Message


# --8<-- [start:publish]
def publish(
    connection: Connection, body: dict, routing_key: str, exchange: Exchange | str = ""
) -> None:
    """Send one JSON message; the default exchange "" routes by queue name.

    Args:
        connection: An open connection to the broker.
        body: The message, serialized as JSON.
        routing_key: Where the exchange should route it (for "" it is a queue name).
        exchange: The exchange to publish to; declared first if it is an Exchange.

    """
    producer = connection.Producer(serializer="json")
    producer.publish(
        body,
        exchange=exchange,
        routing_key=routing_key,
        declare=[exchange] if isinstance(exchange, Exchange) else [],
        delivery_mode="persistent",  # written to disk by a durable queue
        retry=True,  # reconnect and retry if the connection dropped
    )


def fetch_all(connection: Connection, queue: Queue) -> list[Any]:
    """Take every waiting message off a queue, acknowledging each one."""
    bound = queue(connection.default_channel)
    bodies = []
    while (message := bound.get(accept=["json"])) is not None:
        bodies.append(message.decode())
        message.ack()  # now RabbitMQ may forget it
    return bodies
# --8<-- [end:publish]


# --8<-- [start:exchanges]
def event_routing(exchange_name: str, suffix: str) -> tuple[Exchange, dict[str, Queue]]:
    """A topic exchange for domain events and three queues with different interests.

    Args:
        exchange_name: Name of the topic exchange.
        suffix: Appended to every queue name, so several setups can share a broker.

    Returns:
        The exchange, and the queues by role.

    """
    events = Exchange(exchange_name, type="topic", durable=True)
    queues = {
        # "*" matches exactly one word, "#" matches zero or more words.
        "emails": Queue(f"emails-{suffix}", events, routing_key="user.*"),
        "payments": Queue(f"payments-{suffix}", events, routing_key="order.paid"),
        "audit": Queue(f"audit-{suffix}", events, routing_key="#"),
    }
    return events, queues


def broadcast_routing(exchange_name: str, suffix: str) -> tuple[Exchange, list[Queue]]:
    """A fanout exchange: every bound queue gets a copy, routing keys are ignored."""
    cache_flush = Exchange(exchange_name, type="fanout", durable=True)
    return cache_flush, [Queue(f"web-{n}-{suffix}", cache_flush) for n in (1, 2, 3)]


def declare(connection: Connection, *queues: Queue) -> None:
    """Create the queues, their exchanges and bindings (idempotent: safe to repeat)."""
    for queue in queues:
        queue(connection.default_channel).declare()
# --8<-- [end:exchanges]


# --8<-- [start:dead_letter]
def work_queue_with_dead_letters(suffix: str) -> tuple[Queue, Queue]:
    """A work queue whose rejected messages move to a dead-letter queue.

    Args:
        suffix: Appended to every name, so several setups can share a broker.

    Returns:
        The work queue and the dead-letter queue.

    """
    dead_letters = Exchange(f"dlx-{suffix}", type="direct", durable=True)
    dead_queue = Queue(f"failed-{suffix}", dead_letters, routing_key="failed")
    work_queue = Queue(
        f"work-{suffix}",
        Exchange(f"work-{suffix}", type="direct", durable=True),
        routing_key="work",
        queue_arguments={
            "x-dead-letter-exchange": dead_letters.name,
            "x-dead-letter-routing-key": "failed",
        },
    )
    return work_queue, dead_queue


def process(connection: Connection, queue: Queue, handler: Callable[[dict], None]) -> int:
    """Handle every waiting message: ack on success, reject (no requeue) on failure.

    Returns:
        How many messages the handler processed successfully.

    """
    bound = queue(connection.default_channel)
    done = 0
    while (message := bound.get(accept=["json"])) is not None:
        try:
            handler(message.decode())
        except Exception:
            message.reject(requeue=False)  # the broker dead-letters it
        else:
            message.ack()
            done += 1
    return done
# --8<-- [end:dead_letter]


# --8<-- [start:prefetch]
def unacked_deliveries(connection: Connection, queue: Queue, prefetch: int) -> int:
    """Consume without acknowledging and count how many messages the broker pushes.

    Args:
        connection: An open connection to the broker.
        queue: The queue to consume from.
        prefetch: The consumer's prefetch count (unacknowledged messages in flight).

    Returns:
        The number of messages delivered before the broker stopped sending.

    """
    received: list[Message] = []
    with connection.Consumer(
        queue, callbacks=[lambda body, message: received.append(message)],
        accept=["json"], prefetch_count=prefetch,
    ):
        try:
            while True:
                connection.drain_events(timeout=0.5)
        except TimeoutError:
            pass  # nothing more arrives while the delivered messages stay unacknowledged
    return len(received)
# --8<-- [end:prefetch]
