"""A complaint ticket follows its complaint: linked, answered by its reply, late when the reply
is. Its complaint resolved, the customer is called back (every request ends satisfied,
docs/domain.md section 4.2.2): the ticket ends when that callback says satisfied
(:mod:`intake.use_cases.projection.callbacks`)."""

from __future__ import annotations

from aftersales.events import Envelope, feedback
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from intake.domain.lifecycle import FINAL
from intake.use_cases.projection.timeline import ticket_for_event
from intake.use_cases.ticket_events import request_callback, touch

log = get_logger(__name__)


async def on_complaint_opened(uow: UnitOfWork, event: Envelope[feedback.ComplaintOpened]) -> None:
    """A complaint ticket's own complaint: linked both ways (the complaint names the ticket)."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if ticket.kind == "complaint" and ticket.complaint_id is None:
        ticket.complaint_id = event.data.complaint_id
    touch(uow, ticket)


# The satisfaction callback a resolved complaint asks for (intake.ticket.callback_requested.v1,
# reason ``complaint_resolved``): feedback makes the callback, and its outcome closes the ticket
# or leaves it open while feedback reopens the complaint.
COMPLAINT_CALLBACK = "complaint_resolved"


async def on_complaint_resolved(
    uow: UnitOfWork, event: Envelope[feedback.ComplaintResolved]
) -> None:
    """A complaint ticket's complaint is resolved: the ticket stays open and intake asks for a
    satisfaction callback, once per resolution (a complaint reopened and resolved again asks
    again; a copy of one already asked for, or an older one, asks nothing)."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    asked = ticket.callback_reason == COMPLAINT_CALLBACK and ticket.callback_requested_at
    if (
        ticket.kind != "complaint"
        or ticket.status in FINAL
        or ticket.complaint_id != d.complaint_id
        or (asked and d.resolved_at <= asked)
    ):
        touch(uow, ticket)
        return
    touch(uow, ticket)
    await request_callback(
        uow,
        ticket,
        COMPLAINT_CALLBACK,
        actor=event.source,
        complaint_id=d.complaint_id,
        answers=d.resolved_at,
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
