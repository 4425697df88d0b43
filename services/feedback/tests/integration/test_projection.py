from sqlalchemy import func, select

from aftersales.testing.apps import eventually
from aftersales.testing.factories import make_ticket
from feedback.adapters.tables import TicketContactRow


async def test_every_created_ticket_is_recorded_once(start_service):
    async with start_service("intake") as intake, start_service("feedback") as svc:
        tickets = [await make_ticket(intake) for _ in range(3)]

        async def recorded():
            async with svc.db.sessionmaker() as s:
                return await s.scalar(select(func.count()).select_from(TicketContactRow)) == 3

        await eventually(recorded)
        async with svc.db.sessionmaker() as s:
            row = await s.get(TicketContactRow, tickets[0]["id"])
        assert row is not None and row.number == tickets[0]["number"]
        assert row.customer_name.startswith("Customer") and row.product_model == "KFR-35GW"
