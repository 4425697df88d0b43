"""A sample test's sample arrives (``intake.domain.samples``): its clocks run from then, so the
result is due 24 hours after the arrival, not after the call. The result itself is the centre's
answer (:func:`intake.use_cases.clocks.respond`), and the customer is told it
(``sample_result``, :mod:`intake.notifications`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import TicketRow
from intake.domain.clocks import AWAITING_SAMPLE
from intake.domain.samples import check_can_receive_sample
from intake.use_cases.clocks import resume_clocks
from intake.use_cases.ticket_events import touch
from intake.use_cases.tickets import locked_ticket


@dataclass(frozen=True)
class SampleReceived:
    received_at: datetime
    reference: str


async def sample_received(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    cmd: SampleReceived,
    *,
    tenant: str | None,
    actor: str,
    expected_version: int | None = None,
) -> TicketRow:
    ticket = await locked_ticket(uow, ticket_id, tenant, expected_version)
    check_can_receive_sample(
        ticket.kind,
        ticket.status,
        ticket.sample_received_at,
        received_at=cmd.received_at,
        opened_at=ticket.created_at,
        now=uow.now(),
    )
    ticket.sample_received_at, ticket.sample_reference = cmd.received_at, cmd.reference
    arrived = (
        f"Sample {cmd.reference} received {cmd.received_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    )
    if ticket.paused_at is not None and ticket.pause_reason == AWAITING_SAMPLE:
        await resume_clocks(
            uow, ticket, at=cmd.received_at, actor=actor, why=f"{arrived}: clocks resumed"
        )
        return ticket
    # Not waiting for it (paused otherwise since): its arrival is history, the pause stays.
    now = touch(uow, ticket)
    TicketRepository(uow.session).record(
        ticket.id, now, "intake.ticket.sample_received", f"{arrived}.", actor=actor
    )
    return ticket
