"""Feedback's own copy of who to call back for a ticket, who was offered, assigned or sent to its
jobs, and the SLA breaches of each point."""

from __future__ import annotations

from datetime import datetime

from aftersales.events import Envelope, dispatch, intake
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.contacts import ContactRepository
from feedback.adapters.repositories.parties import PartyRepository
from feedback.adapters.repositories.receptions import CustomerRepository
from feedback.adapters.repositories.sla import SlaRepository
from feedback.adapters.repositories.staff import StaffRepository
from feedback.use_cases.care import track_direct_customer
from feedback.use_cases.complaints import NewComplaint, open_complaint
from feedback.use_cases.policy import FeedbackPolicy, month_of

# The customer types feedback keeps (a type it does not know leaves the one it has).
CUSTOMER_TYPES = ("consumer", "dealer", "direct")


async def record_ticket(
    uow: UnitOfWork, event: Envelope[intake.TicketCreated], *, policy: FeedbackPolicy
) -> None:
    """Keep the contact for the callback, and the customer with its type; a complaint call opens
    its complaint at once, with the 24 h reply and one-month resolve clocks (the first copy of
    the event does). The first ticket that says a customer is ``direct`` gives it its
    usage-tracking plan."""
    t = event.data
    await _record_customer(uow, t.customer, t.created_at, policy=policy)
    first = await ContactRepository(uow.session).record(
        {
            "ticket_id": t.ticket_id,
            "number": t.number,
            "kind": t.kind,
            "customer_id": t.customer.id,
            "customer_name": t.customer.name,
            "phone": t.customer.phone,
            "product_model": t.product.model if t.product is not None else None,
            "category": t.product.category if t.product is not None else t.category,
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
            policy=policy,
        )


async def _record_customer(
    uow: UnitOfWork, customer: intake.CustomerFacts, at: datetime, *, policy: FeedbackPolicy
) -> None:
    known = customer.type if customer.type in CUSTOMER_TYPES else None
    before, after = await CustomerRepository(uow.session).record(
        customer.id, name=customer.name, type_=known, at=at
    )
    if after == "direct" and before != "direct":
        await track_direct_customer(uow, customer.id, customer.name, at, policy=policy)


async def record_breach(
    uow: UnitOfWork, event: Envelope[dispatch.SlaBreached], *, policy: FeedbackPolicy
) -> None:
    """A breach counts against its point in the month it happened (network time)."""
    d = event.data
    await SlaRepository(uow.session).record_breach(
        {
            "event_id": event.id,
            "ticket_id": d.ticket_id,
            "job_id": d.job_id,
            "point_id": d.point_id,
            "sla": d.sla,
            "breached_at": d.breached_at,
            "month": month_of(d.breached_at, policy),
        }
    )


async def record_offered(uow: UnitOfWork, event: Envelope[dispatch.JobRouted]) -> None:
    """The point a job of the ticket was offered to may be named in a complaint about it."""
    d = event.data
    await PartyRepository(uow.session).record(
        d.ticket_id, "point", d.point_id, "offered", event.time
    )


async def record_accepted(uow: UnitOfWork, event: Envelope[dispatch.JobAccepted]) -> None:
    d = event.data
    await PartyRepository(uow.session).record(
        d.ticket_id, "point", d.point_id, "assigned", d.accepted_at
    )


async def record_scheduled(uow: UnitOfWork, event: Envelope[dispatch.JobScheduled]) -> None:
    """The point and the technician booked for a visit, whether or not anyone came (a no-show
    can be complained about)."""
    d = event.data
    parties = PartyRepository(uow.session)
    await parties.record(d.ticket_id, "point", d.point_id, "assigned", event.time)
    await parties.record(d.ticket_id, "technician", d.technician_id, "assigned", event.time)
    # The staff register knows every technician dispatch books (clause 15 reaches them all).
    await StaffRepository(uow.session).project_technician(d.technician_id, d.point_id, event.time)
