"""How a ticket change becomes history: the timeline and the outbox event, together."""

from __future__ import annotations

import uuid
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


# Callbacks that follow a request the centre settled by a remedy: their outcome is recorded on
# the ended ticket and never reopens it (the product has gone: no visit for it).
REMEDY_CALLBACKS = frozenset({"refunded", "replaced"})
CALLBACK_WHY = {
    "complaint_resolved": "the complaint was resolved",
    "refunded": "the product was refunded",
    "replaced": "the product was replaced",
}


async def request_callback(
    uow: UnitOfWork,
    ticket: TicketRow,
    reason: str,
    *,
    actor: str,
    complaint_id: uuid.UUID | None = None,
    answers: datetime | None = None,
) -> None:
    """Ask feedback to call the customer back (``intake.ticket.callback_requested.v1``): every
    request ends with the customer asked whether they are satisfied. ``answers`` is the moment
    the request follows (a complaint's resolution), kept so that it asks once. The caller has
    made the ticket's new version already."""
    ticket.callback_reason = reason
    ticket.callback_requested_at = answers or ticket.updated_at
    if reason in CALLBACK_WHY:
        TicketRepository(uow.session).record(
            ticket.id,
            ticket.updated_at,
            intake.TicketCallbackRequested.SUBJECT,
            f"Callback requested: {CALLBACK_WHY[reason]}; the customer is asked whether they "
            "are satisfied.",
            actor=actor,
            reason=reason,
            complaint_id=str(complaint_id) if complaint_id else None,
        )
    await emit(
        uow,
        ticket,
        intake.TicketCallbackRequested(
            ticket_id=ticket.id,
            number=ticket.number,
            kind=ticket.kind,
            reason=reason,  # type: ignore[arg-type]
            requested_at=ticket.updated_at,
            complaint_id=complaint_id,
        ),
    )


def seconds_between(start: datetime, end: datetime) -> int:
    return max(int((end - start).total_seconds()), 0)
