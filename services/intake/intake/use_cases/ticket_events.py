"""How a ticket change becomes history: the timeline and the outbox event, together."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aftersales.events import Envelope, EventData, intake
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import TicketRow


async def emit(uow: UnitOfWork, ticket: TicketRow, data: EventData) -> Envelope[Any]:
    """Publish a ticket event through the outbox (webhooks fan out from the stream)."""
    return uow.publish(data, aggregate_id=ticket.id, aggregate_version=ticket.version)


def touch(uow: UnitOfWork, ticket: TicketRow) -> datetime:
    """A new version of the ticket, changed now (the service's clock)."""
    now = uow.now()
    ticket.version += 1
    ticket.updated_at = now
    return now


async def change_status(
    uow: UnitOfWork, ticket: TicketRow, status: str, *, reason: str, actor: str
) -> None:
    previous = ticket.status
    ticket.status = status
    now = touch(uow, ticket)
    TicketRepository(uow.session).record(
        ticket.id,
        now,
        intake.TicketStatusChanged.SUBJECT,
        f"Status {previous} → {status}: {reason}",
        actor=actor,
        previous=previous,
        status=status,
    )
    await uow.session.flush()
    await emit(
        uow,
        ticket,
        intake.TicketStatusChanged(
            ticket_id=ticket.id,
            number=ticket.number,
            status=status,
            previous_status=previous,
            reason=reason,
            changed_at=now,
        ),
    )


async def end_ticket(
    uow: UnitOfWork,
    ticket: TicketRow,
    status: str,
    closure_reason: str,
    *,
    note: str,
    actor: str,
) -> None:
    """The ticket ends (``closed``, ``cancelled`` or ``resolved_remotely``) with the reason why,
    published as ``intake.ticket.closed``; a pause still running ends with it."""
    if ticket.paused_at is not None:
        ticket.paused_seconds += seconds_between(ticket.paused_at, uow.now())
        ticket.paused_at = None
    ticket.closure_reason = closure_reason
    await change_status(uow, ticket, status, reason=note, actor=actor)
    await emit(
        uow,
        ticket,
        intake.TicketClosed(
            ticket_id=ticket.id,
            number=ticket.number,
            closure_reason=closure_reason,  # type: ignore[arg-type]
            note=note,
            closed_at=ticket.updated_at,
        ),
    )


def seconds_between(start: datetime, end: datetime) -> int:
    return max(int((end - start).total_seconds()), 0)
