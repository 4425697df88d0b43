"""The transactional outbox against real PostgreSQL and NATS."""

import uuid

import pytest
from sqlalchemy import func, select

from aftersales.events import dispatch
from aftersales_testing.apps import eventually
from aftersales_testing.factories import make_customer, make_product, stream_messages


async def outbox_rows(db):
    async with db.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(db.platform.outbox))


async def test_a_rolled_back_unit_of_work_writes_no_event(start_service):
    async with start_service("dispatch") as svc:
        with pytest.raises(RuntimeError):
            async with svc.db.uow() as uow:
                uow.publish(
                    dispatch.JobUnrouted(job_id=uuid.uuid4(), ticket_id=uuid.uuid4(), reason="x"),
                    aggregate_id=uuid.uuid4(),
                    aggregate_version=1,
                )
                raise RuntimeError("the use case failed after staging its event")
        assert await outbox_rows(svc.db) == 0

        async with svc.db.uow() as uow:
            uow.publish(
                dispatch.JobUnrouted(job_id=uuid.uuid4(), ticket_id=uuid.uuid4(), reason="y"),
                aggregate_id=uuid.uuid4(),
                aggregate_version=1,
            )
            await uow.commit()
        assert await outbox_rows(svc.db) == 1


async def test_a_refused_request_publishes_nothing(start_service, infrastructure):
    async with start_service("intake") as intake:
        alice, bob = await make_customer(intake), await make_customer(intake)
        bobs_product = await make_product(intake, bob["id"])
        await intake.app.state.relay.drain()
        before_rows = await outbox_rows(intake.db)  # the product's registration
        before_messages = await stream_messages(infrastructure.broker_url, "INTAKE")
        r = await intake.client.post(
            "/v1/tickets",
            json={
                "customer_id": alice["id"],
                "product_id": bobs_product["id"],
                "kind": "repair",
                "description": "x",
                "channel": "hotline",
            },
            headers=intake.auth(),
        )
        assert r.status_code == 422
        assert "another customer" in r.json()["detail"]
        assert await outbox_rows(intake.db) == before_rows
        await intake.app.state.relay.drain()
        assert await stream_messages(infrastructure.broker_url, "INTAKE") == before_messages


async def test_committed_events_are_published_and_marked_sent(start_service, infrastructure):
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        for _ in range(3):
            r = await intake.client.post(
                "/v1/tickets",
                json={
                    "customer_id": customer["id"],
                    "product_id": product["id"],
                    "kind": "repair",
                    "description": "noise",
                    "channel": "crm",
                },
                headers=intake.auth("agent"),
            )
            assert r.status_code == 201

        async def all_sent():
            async with intake.db.sessionmaker() as s:
                outbox = intake.db.platform.outbox
                unsent = await s.scalar(
                    select(func.count()).select_from(outbox).where(outbox.c.sent_at.is_(None))
                )
            return unsent == 0

        await eventually(all_sent)
        # The product's registration, then each ticket's created event (one version).
        assert await stream_messages(infrastructure.broker_url, "INTAKE") == 1 + 3


async def test_the_relay_publishes_several_batches_in_commit_order(start_service, infrastructure):
    import nats

    from aftersales.events import decode
    from aftersales.messaging.outbox import OutboxRelay
    from aftersales_testing.factories import ticket_created

    async with start_service("intake", run_background=False) as svc:
        await svc.app.state.link.wait_ready(10)
        aggregate = uuid.uuid4()
        async with svc.db.uow() as uow:
            for version in range(1, 251):
                uow.publish(
                    ticket_created().data, aggregate_id=aggregate, aggregate_version=version
                )
            await uow.commit()
        relay = OutboxRelay(svc.db, svc.app.state.link, service="intake", batch=100)
        assert await relay.drain() >= 250
        async with svc.db.sessionmaker() as s:
            outbox = svc.db.platform.outbox
            unsent = await s.scalar(
                select(func.count()).select_from(outbox).where(outbox.c.sent_at.is_(None))
            )
        assert unsent == 0

        nc = await nats.connect(infrastructure.broker_url)
        try:
            sub = await nc.jetstream().subscribe("intake.ticket.created.v2", ordered_consumer=True)
            versions = []
            while len(versions) < 250:
                msg = await sub.next_msg(timeout=5)
                envelope = decode(msg.data)
                if envelope.aggregate_id == aggregate:
                    versions.append(envelope.aggregate_version)
        finally:
            await nc.close()
        assert versions == list(range(1, 251))


async def test_a_commit_that_wrote_events_wakes_its_services_relay_at_once(start_service):
    """No trigger and no LISTEN: the unit of work tells the service's relay after the commit.
    The relay's poll is set far beyond the barrier's patience, so only the wake can pass it."""
    from aftersales_testing.apps import published
    from aftersales_testing.factories import ticket_created

    async with start_service("intake", outbox_poll_seconds=600) as svc:
        await svc.app.state.link.wait_ready(10)
        await published(svc)  # what starting it published, if anything
        async with svc.db.uow() as uow:
            uow.publish(ticket_created().data, aggregate_id=uuid.uuid4(), aggregate_version=1)
            await uow.commit()
        await published(svc, timeout=10)
