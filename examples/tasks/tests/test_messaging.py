"""RabbitMQ behaviour through kombu, against a real broker. Every name is unique per test."""

import uuid

import pytest
from amqp.exceptions import PreconditionFailed
from kombu import Connection, Exchange, Queue

from tasks import messaging

pytestmark = pytest.mark.rabbitmq


@pytest.fixture
def suffix():
    return f"test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def broker(rabbitmq_url):
    """An open connection, plus a list to register queues and exchanges for cleanup."""
    created: list = []
    with Connection(rabbitmq_url, connect_timeout=5) as connection:
        connection.ensure_connection(max_retries=1)
        connection.created = created
        yield connection
        channel = connection.default_channel
        for entity in created:
            if isinstance(entity, Queue):
                channel.queue_delete(entity.name)
            elif isinstance(entity, Exchange) and entity.name:
                channel.exchange_delete(entity.name)


def test_publish_then_fetch(broker, suffix):
    queue = Queue(f"greetings-{suffix}", routing_key=f"greetings-{suffix}")
    broker.created.append(queue)
    messaging.declare(broker, queue)

    messaging.publish(broker, {"hello": "world"}, routing_key=queue.name)
    messaging.publish(broker, {"hello": "again"}, routing_key=queue.name)

    assert messaging.fetch_all(broker, queue) == [{"hello": "world"}, {"hello": "again"}]
    assert messaging.fetch_all(broker, queue) == []  # acknowledged messages are gone


# --8<-- [start:test_topic]
def test_a_topic_exchange_routes_by_pattern(broker, suffix):
    events, queues = messaging.event_routing(f"events-{suffix}", suffix)
    broker.created += [*queues.values(), events]
    messaging.declare(broker, *queues.values())

    for key in ["user.signed_up", "order.paid", "order.shipped", "user.password.reset"]:
        messaging.publish(broker, {"event": key}, routing_key=key, exchange=events)

    received = {role: messaging.fetch_all(broker, q) for role, q in queues.items()}
    assert received["emails"] == [{"event": "user.signed_up"}]  # "*" is one word only
    assert received["payments"] == [{"event": "order.paid"}]
    assert len(received["audit"]) == 4  # "#" matches every key
# --8<-- [end:test_topic]


def test_a_fanout_exchange_copies_to_every_queue(broker, suffix):
    exchange, queues = messaging.broadcast_routing(f"flush-{suffix}", suffix)
    broker.created += [*queues, exchange]
    messaging.declare(broker, *queues)

    messaging.publish(broker, {"flush": "prices"}, routing_key="ignored", exchange=exchange)

    assert [messaging.fetch_all(broker, q) for q in queues] == [[{"flush": "prices"}]] * 3


def test_a_direct_exchange_needs_an_exact_key(broker, suffix):
    exchange = Exchange(f"direct-{suffix}", type="direct")
    queue = Queue(f"invoices-{suffix}", exchange, routing_key="invoice.created")
    broker.created += [queue, exchange]
    messaging.declare(broker, queue)

    messaging.publish(broker, {"n": 1}, routing_key="invoice.created", exchange=exchange)
    messaging.publish(broker, {"n": 2}, routing_key="invoice.*", exchange=exchange)  # no match

    assert messaging.fetch_all(broker, queue) == [{"n": 1}]


# --8<-- [start:test_dead_letter]
def test_rejected_messages_go_to_the_dead_letter_queue(broker, suffix):
    work, dead = messaging.work_queue_with_dead_letters(suffix)
    broker.created += [work, dead, work.exchange, dead.exchange]
    messaging.declare(broker, dead, work)

    for n in [1, 2, 3]:
        messaging.publish(broker, {"order": n}, routing_key="work", exchange=work.exchange)

    def charge(body):
        if body["order"] == 2:
            raise ValueError("card declined")

    assert messaging.process(broker, work, charge) == 2
    message = dead(broker.default_channel).get(accept=["json"])
    assert message.decode() == {"order": 2}
    assert message.headers["x-death"][0]["reason"] == "rejected"
    assert message.headers["x-death"][0]["queue"] == work.name
    message.ack()
# --8<-- [end:test_dead_letter]


# --8<-- [start:test_redelivery]
def test_an_unacknowledged_message_is_delivered_again(rabbitmq_url, broker, suffix):
    queue = Queue(f"jobs-{suffix}", routing_key=f"jobs-{suffix}")
    broker.created.append(queue)
    messaging.declare(broker, queue)
    messaging.publish(broker, {"job": "resize"}, routing_key=queue.name)

    with Connection(rabbitmq_url) as crashing_worker:
        message = queue(crashing_worker.default_channel).get(accept=["json"])
        assert message.decode() == {"job": "resize"}
        # The worker dies here, before message.ack(): the connection closes.

    again = queue(broker.default_channel).get(accept=["json"])
    assert again.decode() == {"job": "resize"}  # at-least-once: same message, second time
    assert again.delivery_info["redelivered"] is True
    again.ack()
# --8<-- [end:test_redelivery]


# --8<-- [start:test_prefetch]
def test_prefetch_limits_unacknowledged_messages_in_flight(rabbitmq_url, broker, suffix):
    queue = Queue(f"tasks-{suffix}", routing_key=f"tasks-{suffix}")
    broker.created.append(queue)
    messaging.declare(broker, queue)
    for n in range(10):
        messaging.publish(broker, {"n": n}, routing_key=queue.name)

    for prefetch in [1, 4]:
        with Connection(rabbitmq_url) as consumer:  # closing it requeues what it held
            assert messaging.unacked_deliveries(consumer, queue, prefetch) == prefetch
# --8<-- [end:test_prefetch]


def test_redeclaring_a_queue_with_other_arguments_fails(rabbitmq_url, broker, suffix):
    work, dead = messaging.work_queue_with_dead_letters(suffix)
    broker.created += [work, dead, work.exchange, dead.exchange]
    messaging.declare(broker, dead, work)
    changed = Queue(
        work.name, work.exchange, routing_key="work",
        queue_arguments={**work.queue_arguments, "x-dead-letter-exchange": "other-dlx"},
    )
    with Connection(rabbitmq_url) as other:
        with pytest.raises(PreconditionFailed) as error:
            messaging.declare(other, changed)
    assert str(error.value) == (
        "Queue.declare: (406) PRECONDITION_FAILED - inequivalent arg 'x-dead-letter-exchange' "
        f"for queue '{work.name}' in vhost '/': received 'other-dlx' but current is "
        f"'{dead.exchange.name}'"
    )
