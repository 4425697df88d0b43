"""A complaint ticket follows its complaint: linked, answered by its reply, late when the reply
is, and ended when it is resolved."""

from __future__ import annotations

from aftersales.events import Envelope, feedback
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from intake.domain.lifecycle import FINAL
from intake.use_cases.projection.timeline import summary, ticket_for_event
from intake.use_cases.ticket_events import end_ticket, touch

log = get_logger(__name__)


async def on_complaint_opened(uow: UnitOfWork, event: Envelope[feedback.ComplaintOpened]) -> None:
    """A complaint ticket's own complaint: linked both ways (the complaint names the ticket)."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if ticket.kind == "complaint" and ticket.complaint_id is None:
        ticket.complaint_id = event.data.complaint_id
    touch(uow, ticket)


async def on_complaint_resolved(
    uow: UnitOfWork, event: Envelope[feedback.ComplaintResolved]
) -> None:
    """Resolving a complaint ticket's complaint ends the ticket: the centre settled it."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    if (
        ticket.kind != "complaint"
        or ticket.status in FINAL
        or ticket.complaint_id != d.complaint_id
    ):
        touch(uow, ticket)
        return
    await end_ticket(
        uow, ticket, "closed", "resolved_remotely", note=summary(event), actor=event.source
    )


async def on_complaint_replied(uow: UnitOfWork, event: Envelope[feedback.ComplaintReplied]) -> None:
    """A complaint ticket is answered by its complaint's reply (feedback's clock)."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if ticket.respond_clock == "feedback" and ticket.responded_at is None:
        ticket.responded_at = event.data.replied_at
    touch(uow, ticket)


async def on_complaint_overdue(uow: UnitOfWork, event: Envelope[feedback.ComplaintOverdue]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    late_reply = event.data.deadline == "reply" and ticket.respond_clock == "feedback"
    if late_reply and ticket.response_breached_at is None:
        ticket.response_breached_at = event.data.noticed_at
    touch(uow, ticket)
