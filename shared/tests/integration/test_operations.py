"""Health, readiness, metrics, trace context across NATS, idempotency key expiry."""

import uuid

import asyncpg
import nats
from prometheus_client.parser import text_string_to_metric_families

from aftersales.events import decode
from aftersales.housekeeping import purge
from aftersales_testing.apps import eventually
from aftersales_testing.factories import make_customer, make_ticket

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"


async def test_readyz_follows_the_broker(start_service, private_nats):
    async with start_service("intake", nats_url=private_nats.url) as intake:

        async def ready():
            return (await intake.client.get("/readyz")).status_code == 200

        await eventually(ready)
        assert (await intake.client.get("/healthz")).json() == {"status": "ok"}
        private_nats.stop()

        async def not_ready():
            r = await intake.client.get("/readyz")
            return r if r.status_code == 503 else None

        r = await eventually(not_ready)
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["checks"] == {"database": "ok", "nats": "unavailable"}
        private_nats.start()
        await eventually(ready)


async def test_metrics_count_requests_and_published_events(start_service):
    async with start_service("intake") as intake:
        await make_ticket(intake)

        async def published():
            text = (await intake.client.get("/metrics")).text
            return 'aftersales_outbox_published_total{service="intake"}' in text and text

        text = await eventually(published)
        assert 'route="/v1/tickets"' in text and 'status="201"' in text


async def test_the_gauges_the_alerts_watch_show_a_waiting_outbox_and_a_dead_letter(
    start_service, private_nats
):
    """The outbox's backlog and its oldest event's age while NATS is away, and a dead letter,
    as the alert rules in deploy/prometheus read them."""
    async with start_service(
        "intake", nats_url=private_nats.url, metrics_poll_seconds=0.2
    ) as intake:
        db = intake.db
        async with db.uow() as uow:
            await uow.session.execute(
                db.platform.dead_letters.insert().values(
                    id=uuid.uuid4(),
                    consumer="intake:DISPATCH",
                    event_id=uuid.uuid4(),
                    subject="dispatch.job.routed.v1",
                    payload=b"{}",
                    headers={},
                    error="test",
                    deliveries=5,
                )
            )
            await uow.commit()
        private_nats.stop()
        await make_ticket(intake)

        async def gauges():
            text = (await intake.client.get("/metrics")).text
            values = {
                (sample.name, tuple(sorted(sample.labels.items()))): sample.value
                for family in text_string_to_metric_families(text)
                for sample in family.samples
            }
            service = (("service", "intake"),)
            waiting = values.get(("aftersales_outbox_unsent", service), 0)
            age = values.get(("aftersales_outbox_oldest_unsent_seconds", service), 0)
            dead = values.get(
                ("aftersales_dead_letters", (("consumer", "intake:DISPATCH"), *service)), 0
            )
            return waiting >= 2 and age > 0 and dead == 1

        await eventually(gauges)
        private_nats.start()


async def test_trace_context_travels_from_http_through_nats_to_the_next_event(
    start_service, infrastructure
):
    async with start_service("intake") as intake, start_service("dispatch") as dispatch:
        customer = await make_customer(intake)
        await make_ticket(
            intake,
            customer=customer,
            headers={
                "traceparent": f"00-{TRACE_ID}-00f067aa0ba902b7-01",
                "X-Request-ID": "req-trace-1",
            },
        )

        async def unrouted():
            r = await dispatch.client.get("/v1/jobs", headers=dispatch.auth())
            return r.json()["items"]

        await eventually(unrouted)
        nc = await nats.connect(infrastructure.broker_url)
        try:
            js = nc.jetstream()
            created = await (await js.subscribe("intake.>", ordered_consumer=True)).next_msg(5)
            job_event = await (await js.subscribe("dispatch.>", ordered_consumer=True)).next_msg(5)
        finally:
            await nc.close()
        assert created.headers["traceparent"].split("-")[1] == TRACE_ID
        assert created.headers["X-Request-ID"] == "req-trace-1"
        assert decode(created.data).traceparent.split("-")[1] == TRACE_ID
        # dispatch's own event, caused by intake's, continues the same trace and request.
        assert job_event.headers["traceparent"].split("-")[1] == TRACE_ID
        assert job_event.headers["X-Request-ID"] == "req-trace-1"


async def test_an_expired_idempotency_key_is_purged_and_may_be_used_again(start_service, admin_dsn):
    async with start_service("intake") as intake:
        headers = {**intake.auth("crm", tenant_id="acme"), "Idempotency-Key": "old-key"}
        body = {
            "name": "Expiry",
            "phone": "13500000001",
            "address": {"region": "310115", "city": "Shanghai", "line": "1 Road"},
        }
        first = await intake.client.post("/v1/customers", json=body, headers=headers)
        assert first.status_code == 201
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(
                "UPDATE intake.idempotency_keys SET expires_at = now() - interval '1 second'"
            )
            assert (await purge(intake.db)).idempotency_keys == 1
            assert await conn.fetchval("SELECT count(*) FROM intake.idempotency_keys") == 0
        finally:
            await conn.close()
        other = {**body, "phone": "13500000002"}
        again = await intake.client.post("/v1/customers", json=other, headers=headers)
        assert again.status_code == 201
        assert again.json()["id"] != first.json()["id"]


async def test_housekeeping_removes_only_what_is_past_its_retention(start_service, admin_dsn):
    async with start_service("intake") as intake:
        await make_ticket(intake)

        async def sent():
            conn = await asyncpg.connect(admin_dsn)
            try:
                # Every row sent (the product's and the ticket's events).
                return await conn.fetchval(
                    "SELECT count(*) FROM intake.outbox HAVING count(*) = count(sent_at)"
                )
            finally:
                await conn.close()

        await eventually(sent)
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(
                "INSERT INTO intake.inbox (consumer, event_id, subject, processed_at) VALUES"
                " ('intake:DISPATCH', gen_random_uuid(), 'x', now() - interval '91 days'),"
                " ('intake:DISPATCH', gen_random_uuid(), 'x', now() - interval '1 day')"
            )
            first = await purge(intake.db)
            assert (first.outbox, first.inbox) == (0, 1)  # sent just now: kept for a week
            await conn.execute("UPDATE intake.outbox SET sent_at = now() - interval '8 days'")
            published = await conn.fetchval("SELECT count(*) FROM intake.outbox")
            second = await purge(intake.db)
            assert (second.outbox, second.inbox) == (published, 0) and published >= 1
            assert await conn.fetchval("SELECT count(*) FROM intake.outbox") == 0
            assert (
                await conn.fetchval(
                    "SELECT count(*) FROM intake.inbox WHERE consumer = 'intake:DISPATCH'"
                )
                == 1
            )
        finally:
            await conn.close()


async def test_a_crms_data_stored_under_its_old_sub_moves_to_its_tenant(start_service, admin_dsn):
    from aftersales.operations.tenants import retenant
    from aftersales_testing.factories import make_customer

    async with start_service("intake") as intake:
        # Stored as a crm token without tenant_id used to store it: under its sub.
        old = intake.auth("crm", subject="acme-crm", tenant_id="acme-crm")
        customer = await make_customer(intake, headers=old)
        new = intake.auth("crm", subject="acme-crm", tenant_id="acme")
        before = await intake.client.get(f"/v1/customers/{customer['id']}", headers=new)
        assert before.status_code == 404
        moved = await retenant(admin_dsn, "acme-crm", "acme")
        assert moved["intake.customers"] == 1
        after = await intake.client.get(f"/v1/customers/{customer['id']}", headers=new)
        assert after.status_code == 200
