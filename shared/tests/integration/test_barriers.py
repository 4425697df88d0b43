"""The barrier a test reads a stream behind: ``read_events(..., after=service)`` returns only
once the producing service has published everything it committed, never on a quiet moment."""

import asyncio
import uuid

import pytest

from aftersales_testing import apps
from aftersales_testing.apps import eventually
from aftersales_testing.factories import read_events, ticket_created


async def test_a_read_waits_until_the_producer_has_published_what_it_committed(
    start_service, infrastructure, monkeypatch
):
    looked: list[int] = []  # what the reader found in the outbox, each time it looked
    counted = apps.unsent

    async def unsent(service):
        looked.append(await counted(service))
        return looked[-1]

    monkeypatch.setattr(apps, "unsent", unsent)
    # No relay runs: the event stays in the outbox until the test drains it itself.
    async with start_service("intake", run_background=False) as intake:
        await intake.app.state.link.wait_ready(10)
        aggregate = uuid.uuid4()
        async with intake.db.uow() as uow:
            uow.publish(ticket_created().data, aggregate_id=aggregate, aggregate_version=1)
            await uow.commit()
        reading = asyncio.create_task(
            read_events(infrastructure.broker_url, "intake.ticket.created.v2", after=intake)
        )

        # The reader found the event unsent twice, and waits on.
        async def waiting() -> bool:
            return looked.count(1) >= 2

        await eventually(waiting)
        assert not reading.done()
        assert await intake.app.state.relay.drain() == 1
        events = await reading
        assert [e.aggregate_id for e in events if e.aggregate_id == aggregate] == [aggregate]


async def test_a_read_names_the_service_that_publishes_the_subject(start_service, infrastructure):
    async with start_service("intake", run_background=False) as intake:
        with pytest.raises(ValueError, match="published by dispatch, not by intake"):
            await read_events(infrastructure.broker_url, "dispatch.job.routed.v2", after=intake)
