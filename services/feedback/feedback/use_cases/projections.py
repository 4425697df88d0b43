"""Feedback's own copy of who to call back for a ticket, and the SLA breaches of each point."""

from __future__ import annotations

from aftersales.db import UnitOfWork
from aftersales.events import Envelope, dispatch, intake
from feedback.adapters.repositories import ContactRepository
from feedback.use_cases.complaints import NewComplaint, open_complaint
from feedback.use_cases.policy import month_of, policy_of


async def record_ticket(uow: UnitOfWork, event: Envelope[intake.TicketCreated]) -> None:
    """Keep the contact for the callback; a complaint call opens its complaint at once, with
    the 24 h reply and one-month resolve clocks (the first copy of the event does)."""
    t = event.data
    first = await ContactRepository(uow.session).record(
        {
            "ticket_id": t.ticket_id,
            "number": t.number,
            "kind": t.kind,
            "customer_id": t.customer.id,
            "customer_name": t.customer.name,
            "phone": t.customer.phone,
            "product_model": t.product.model,
            "category": t.product.category,
            "tenant_id": t.tenant_id,
            "aggregate_version": event.aggregate_version,
            "opened_at": t.created_at,
        }
    )
    if first and t.kind == "complaint":
        await open_complaint(
            uow,
            NewComplaint(ticket_id=t.ticket_id, text=t.description),
            source="ticket",
            actor=event.source,
            tenant_id=t.tenant_id,
        )


async def record_breach(uow: UnitOfWork, event: Envelope[dispatch.SlaBreached]) -> None:
    d = event.data
    await ContactRepository(uow.session).record_breach(
        {
            "event_id": event.id,
            "ticket_id": d.ticket_id,
            "job_id": d.job_id,
            "point_id": d.point_id,
            "sla": d.sla,
            "breached_at": d.breached_at,
            "month": month_of(d.breached_at, policy_of(uow)),
        }
    )
