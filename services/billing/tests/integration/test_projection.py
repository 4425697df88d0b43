from sqlalchemy import func, select

from aftersales_testing.apps import eventually
from aftersales_testing.factories import make_ticket, tickets_created_again
from billing.adapters.tables.facts import TicketFactsRow


async def test_every_created_ticket_is_recorded_once(start_service, infrastructure):
    async with start_service("intake") as intake, start_service("billing") as svc:
        tickets = [await make_ticket(intake) for _ in range(3)]

        async def count():
            async with svc.db.sessionmaker() as s:
                return await s.scalar(select(func.count()).select_from(TicketFactsRow))

        async def recorded():
            return await count() == 3

        await eventually(recorded)
        # Every created event of these tickets once more, as after a lost ack: the inbox
        # turns each copy away before the projection sees it.
        outcomes, copies = await tickets_created_again(svc, infrastructure.broker_url, tickets)
        # One version of each ticket's event is on the bus: each copy is turned away.
        assert copies == 3
        assert outcomes == {"duplicate": 3}
        assert await count() == 3
        async with svc.db.sessionmaker() as s:
            row = await s.get(TicketFactsRow, tickets[0]["id"])
        assert row is not None and row.number == tickets[0]["number"]
        assert row.category == "air_conditioner" and row.warranty_until is not None
