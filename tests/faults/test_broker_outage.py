"""A broker outage delays events; it never loses or doubles them."""

import asyncio

import asyncpg

from aftersales_testing.apps import drained, eventually
from aftersales_testing.factories import make_customer, make_product, stream_messages

TICKETS = 200


async def test_tickets_created_while_nats_is_down_all_arrive_exactly_once(
    start_service, private_nats, admin_dsn
):
    async with (
        start_service("intake", nats_url=private_nats.url) as intake,
        start_service("dispatch", nats_url=private_nats.url) as dispatch,
    ):
        await eventually(lambda: _ready(intake, dispatch))
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])

        private_nats.stop()
        body = {
            "customer_id": customer["id"],
            "product_id": product["id"],
            "kind": "repair",
            "description": "created during the outage",
            "channel": "crm",
        }
        sem = asyncio.Semaphore(10)

        async def create(i):
            async with sem:
                r = await intake.client.post(
                    "/v1/tickets",
                    json=body,
                    headers={**intake.auth("agent"), "Idempotency-Key": f"outage-{i}"},
                )
                assert r.status_code == 201, r.text
                return r.json()["id"]

        ticket_ids = await asyncio.gather(*[create(i) for i in range(TICKETS)])
        conn = await asyncpg.connect(admin_dsn)
        try:
            unsent = await conn.fetchval(
                "SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL"
                " AND subject LIKE 'intake.ticket.created.%'"
            )
            assert unsent == TICKETS  # each ticket's created event, all waiting, none lost
            assert await conn.fetchval("SELECT count(*) FROM dispatch.jobs") == 0

            private_nats.start()

            async def all_jobs():
                return await conn.fetchval("SELECT count(*) FROM dispatch.jobs") >= TICKETS

            # Generous: 400 events relayed and 200 jobs routed, on a machine the rest of the
            # suite is loading too; what is asserted is that all arrive, not how fast.
            await eventually(all_jobs, timeout=180)
            # Every event relayed, and every copy of it handled: a duplicate would show now.
            await drained(intake, timeout=120)
            await drained(dispatch, timeout=120)
            per_ticket = await conn.fetch(
                "SELECT ticket_id, count(*) AS n FROM dispatch.jobs GROUP BY ticket_id"
            )
            assert {str(r["ticket_id"]) for r in per_ticket} == set(ticket_ids)
            assert all(r["n"] == 1 for r in per_ticket)
            assert (
                await conn.fetchval("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL") == 0
            )
        finally:
            await conn.close()
        # The product's registration, then each ticket's created event, once.
        assert await stream_messages(private_nats.url, "INTAKE") == 1 + TICKETS


async def _ready(*services):
    for svc in services:
        r = await svc.client.get("/readyz")
        if r.status_code != 200:
            return False
    return True
