"""Billing's own copy of the ticket facts it needs, fed by intake's events."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.db import UnitOfWork
from aftersales.events import Envelope, intake
from billing.adapters.tables import TicketFactsRow


async def record_ticket(uow: UnitOfWork, event: Envelope[intake.TicketCreated]) -> None:
    t = event.data
    await uow.session.execute(
        pg_insert(TicketFactsRow)
        .values(
            ticket_id=t.ticket_id,
            number=t.number,
            kind=t.kind,
            customer_id=t.customer.id,
            product_id=t.product.id,
            category=t.product.category,
            purchased_on=t.product.purchased_on,
            warranty_until=t.product.warranty_until,
            contract_no=t.product.contract_no,
            status="open",
            aggregate_version=event.aggregate_version,
            opened_at=t.created_at,
        )
        .on_conflict_do_nothing(index_elements=["ticket_id"])
    )
