"""What the quarterly report on direct customers reads (``GET /v1/reports/direct-customers``):
each direct customer, its tickets opened in the quarter, and the visits completed in it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from intake.adapters.tables import CustomerRow, TicketJobRow, TicketRow


@dataclass
class CustomerQuarter:
    customer: CustomerRow
    # The quarter's tickets (opened in it), oldest first.
    tickets: list[TicketRow] = field(default_factory=list)
    # Visits completed in the quarter: the jobs of its tickets dispatch reported completed then.
    visits_done: int = 0


async def direct_customers_quarter(
    session: AsyncSession, start: datetime, end: datetime
) -> list[CustomerQuarter]:
    """Every direct customer (by name), with what intake knows of the quarter."""
    customers = (
        await session.execute(
            select(CustomerRow)
            .where(CustomerRow.type == "direct")
            .order_by(CustomerRow.name, CustomerRow.id)
        )
    ).scalars()
    out = {c.id: CustomerQuarter(c) for c in customers}
    if not out:
        return []
    ids = list(out)
    tickets = await session.execute(
        select(TicketRow)
        .where(
            TicketRow.customer_id.in_(ids),
            TicketRow.created_at >= start,
            TicketRow.created_at < end,
        )
        .order_by(TicketRow.created_at, TicketRow.id)
    )
    for ticket in tickets.scalars():
        out[ticket.customer_id].tickets.append(ticket)
    visits = await session.execute(
        select(TicketRow.customer_id, func.count())
        .join(TicketJobRow, TicketJobRow.ticket_id == TicketRow.id)
        .where(
            TicketRow.customer_id.in_(ids),
            TicketJobRow.status == "completed",
            TicketJobRow.updated_at >= start,
            TicketJobRow.updated_at < end,
        )
        .group_by(TicketRow.customer_id)
    )
    for customer_id, n in visits:
        out[uuid.UUID(str(customer_id))].visits_done = int(n)
    return list(out.values())
