"""The visit's slot, agreed with the customer (docs/domain.md, section 4.2.1): a visit ticket
opened with a ``preferred_window`` has it; one opened without waits, listed by
``GET /v1/tickets?window_agreed=false``, until an agent calls the customer and records it.
Dispatch hears of it (``intake.ticket.window_agreed.v1``) and books within it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from aftersales.events import Window, intake
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import TicketRow
from intake.domain.lifecycle import check_can_agree_window
from intake.domain.tickets import check_preferred_window, needs_visit
from intake.use_cases.ticket_events import emit, touch
from intake.use_cases.tickets import locked_ticket


@dataclass(frozen=True)
class AgreeWindow:
    start: datetime
    end: datetime


async def agree_window(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    cmd: AgreeWindow,
    *,
    tenant: str | None,
    actor: str,
    expected_version: int | None = None,
) -> TicketRow:
    """Record the slot agreed with the customer. The same slot again changes nothing and tells
    nobody twice; a new one replaces it (the customer changed their mind)."""
    ticket = await locked_ticket(uow, ticket_id, tenant, expected_version)
    check_can_agree_window(ticket.kind, ticket.status, visit=needs_visit(ticket.kind))
    check_preferred_window(cmd.start, cmd.end, uow.now(), name="window")
    if (ticket.preferred_start, ticket.preferred_end) == (cmd.start, cmd.end):
        return ticket
    ticket.preferred_start, ticket.preferred_end = cmd.start, cmd.end
    now = touch(uow, ticket)
    TicketRepository(uow.session).record(
        ticket.id,
        now,
        intake.TicketWindowAgreed.SUBJECT,
        f"Visit slot agreed with the customer: {cmd.start.astimezone(UTC):%Y-%m-%d %H:%M} to "
        f"{cmd.end.astimezone(UTC):%Y-%m-%d %H:%M} UTC.",
        actor=actor,
        start=cmd.start.isoformat(),
        end=cmd.end.isoformat(),
    )
    await uow.session.flush()
    await emit(
        uow,
        ticket,
        intake.TicketWindowAgreed(
            ticket_id=ticket.id,
            number=ticket.number,
            window=Window(start=cmd.start, end=cmd.end),
            agreed_by=actor,
            agreed_at=now,
        ),
    )
    return ticket
