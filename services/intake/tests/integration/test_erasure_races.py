"""An erasure under way and an event about the same customer handled at that moment: what the
event makes (a customer's message, a webhook delivery) must not keep the customer's words once
both have committed. Each test holds the erasure's transaction open, lets the event arrive, and
waits until its handler either waits for the customer's lock or has finished, before letting
the erasure commit."""

import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import asyncpg
import orjson

from aftersales_testing.apps import eventually, handled
from aftersales_testing.factories import make_customer, make_ticket, publish_body, publish_raw
from aftersales_testing.world import WebhookReceiver
from intake.use_cases.privacy import erase_customer

WAITING = "SELECT count(*) FROM pg_locks WHERE NOT granted"


async def _waiting_or(conn: asyncpg.Connection, done: str, *args: object) -> None:
    """The barrier: the handler waits for a lock, or has already committed what ``done``
    counts."""

    async def either() -> bool:
        return bool(await conn.fetchval(WAITING)) or bool(await conn.fetchval(done, *args))

    await eventually(either, timeout=30)


async def test_a_message_made_while_the_customer_is_erased_does_not_keep_their_name(
    start_service, mail, gateway, infrastructure, admin_dsn, notifying
):
    _secret, settings = notifying.channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        customer, ticket = await notifying.customer_with_ticket(intake, "race@example.com")
        made = "SELECT count(*) FROM intake.notifications WHERE ticket_id = $1"
        conn = await asyncpg.connect(admin_dsn)
        try:
            async with intake.db.uow() as uow:
                await erase_customer(uow, uuid.UUID(customer["id"]))
                start = datetime.now(UTC) + timedelta(days=2)
                event = notifying.scheduled(uuid.UUID(ticket["id"]), uuid.uuid4(), start)
                await publish_raw(infrastructure.broker_url, event)
                await _waiting_or(conn, made, uuid.UUID(ticket["id"]))
                await uow.commit()
            await handled(intake, event)  # the erasure has committed; the message, if any
            bodies = await conn.fetch(
                "SELECT body, facts::text AS facts FROM intake.notifications WHERE ticket_id = $1",
                uuid.UUID(ticket["id"]),
            )
        finally:
            await conn.close()
        assert all(customer["name"] not in r["body"] + r["facts"] for r in bodies), bodies
        assert mail.to("race@example.com") == []


async def test_a_late_event_fanned_out_while_the_customer_is_erased_is_delivered_without_them(
    start_service, infrastructure, admin_dsn
):
    receiver = WebhookReceiver()
    settings = {"webhook_allow_private_urls": True, "webhook_poll_seconds": 0.2}
    try:
        async with start_service("intake", **settings) as intake:
            r = await intake.client.post(
                "/v1/webhooks",
                json={"url": receiver.url, "events": ["intake.ticket.created.v1"]},
                headers=intake.auth("admin"),
            )
            assert r.status_code == 201, r.text
            customer = await make_customer(intake)
            await make_ticket(intake, customer=customer)
            conn = await asyncpg.connect(admin_dsn)
            try:
                created = await conn.fetchval(
                    "SELECT payload FROM intake.outbox WHERE subject = 'intake.ticket.created.v2'"
                )
                # The same ticket's creation arriving again as a new message, late.
                late = orjson.loads(created)
                late["id"] = str(uuid.uuid4())
                queued = "SELECT count(*) > 1 FROM intake.webhook_deliveries"  # the copy's too
                async with intake.db.uow() as uow:
                    await erase_customer(uow, uuid.UUID(customer["id"]))
                    await publish_body(
                        infrastructure.broker_url,
                        late["type"],
                        orjson.dumps(late),
                        msg_id=late["id"],
                    )
                    await _waiting_or(conn, queued)
                    await uow.commit()
                copy = SimpleNamespace(type=late["type"], id=uuid.UUID(late["id"]))
                await handled(intake, copy)
                payloads = await conn.fetch("SELECT payload FROM intake.webhook_deliveries")
            finally:
                await conn.close()
        assert len(payloads) == 2  # the first delivery, and the late copy's
        for row in payloads:
            assert customer["name"].encode() not in row["payload"]
            assert customer["phone"].encode() not in row["payload"]
    finally:
        receiver.close()
