"""Feedback's own copy of who to call back for a ticket, fed by intake's events."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.db import UnitOfWork
from aftersales.events import Envelope, intake
from feedback.adapters.tables import TicketContactRow


async def record_ticket(uow: UnitOfWork, event: Envelope[intake.TicketCreated]) -> None:
    t = event.data
    await uow.session.execute(
        pg_insert(TicketContactRow)
        .values(
            ticket_id=t.ticket_id,
            number=t.number,
            kind=t.kind,
            customer_id=t.customer.id,
            customer_name=t.customer.name,
            phone=t.customer.phone,
            product_model=t.product.model,
            aggregate_version=event.aggregate_version,
            opened_at=t.created_at,
        )
        .on_conflict_do_nothing(index_elements=["ticket_id"])
    )
