"""A business customer's duty, ticked item by item (``intake.domain.business``): who ticked
each and when; the last one finishes the work, in time or late against ``complete_by``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import TicketRow
from intake.domain.business import open_items, tick
from intake.domain.clocks import ENDED, resumed
from intake.use_cases.ticket_events import touch
from intake.use_cases.tickets import locked_ticket

TICKED = "intake.ticket.checklist_ticked"
DONE = "intake.ticket.checklist_done"


@dataclass(frozen=True)
class TickItem:
    item: str
    note: str | None = None


async def tick_item(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    cmd: TickItem,
    *,
    tenant: str | None,
    actor: str,
    expected_version: int | None = None,
) -> TicketRow:
    ticket = await locked_ticket(uow, ticket_id, tenant, expected_version)
    now = uow.now()
    checklist = tick(
        ticket.kind,
        ticket.status in ENDED,
        ticket.checklist,
        cmd.item,
        actor=actor,
        at=now,
        note=cmd.note,
    )
    touch(uow, ticket)
    ticket.checklist = checklist
    tickets = TicketRepository(uow.session)
    tickets.record(
        ticket.id,
        now,
        TICKED,
        f"Checklist: {cmd.item} done" + (f" ({cmd.note})." if cmd.note else "."),
        actor=actor,
        item=cmd.item,
    )
    if not open_items(checklist):
        due = ticket.complete_by
        if ticket.paused_at is not None:  # its clock stopped at the pause: due moves on with it
            due = resumed(due, ticket.paused_at, now)
        ticket.complete_by = due
        ticket.checklist_done_at = now
        in_time = due is None or now <= due
        tickets.record(
            ticket.id,
            now,
            DONE,
            f"Every checklist item done{' in time' if in_time else ' late'}; the ticket may "
            "now end.",
            actor=actor,
            in_time=in_time,
        )
    await uow.session.flush()
    return ticket
