"""Jobs born of intake's tickets: the first visit, rework after an unhappy callback, and
cancellation when the ticket is cancelled or solved on the phone."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.events import Envelope, intake, reread
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.repositories.timers import TimerRepository
from dispatch.adapters.tables.jobs import JobRow, RemoteTicketRow
from dispatch.adapters.tables.timers import SlaTimerRow
from dispatch.domain.jobs import FINAL, routing_category
from dispatch.domain.rework import plan_rework
from dispatch.use_cases.job_events import SYSTEM, change, publish_status
from dispatch.use_cases.policy import DispatchPolicy
from dispatch.use_cases.routing import close_offer, route

log = get_logger(__name__)


async def create_job_for_ticket(
    uow: UnitOfWork, event: Envelope[intake.TicketCreated], *, policy: DispatchPolicy
) -> None:
    """The first visit of a ticket that needs one, to the product's site. A ticket that needs
    none is kept: its callback may still reopen it for a first visit."""
    ticket = event.data
    if not ticket.needs_visit:
        await uow.session.execute(
            pg_insert(RemoteTicketRow)
            .values(ticket_id=ticket.ticket_id, facts=ticket.model_dump(mode="json"))
            .on_conflict_do_nothing(index_elements=["ticket_id"])
        )
        return
    if await JobRepository(uow.session).of_ticket(ticket.ticket_id):
        return  # already made (a replayed dead letter, say): one first visit per ticket
    await _first_visit(uow, ticket, respond_by=ticket.respond_by, policy=policy)


async def _first_visit(
    uow: UnitOfWork,
    ticket: intake.TicketCreated,
    *,
    respond_by: datetime,
    policy: DispatchPolicy,
) -> JobRow:
    jobs = JobRepository(uow.session)
    now = uow.now()
    window = ticket.preferred_window
    agreed = bool(window and ticket.window_agreed)
    site = ticket.site
    product = ticket.product
    job = JobRow(
        id=uuid.uuid4(),
        ticket_id=ticket.ticket_id,
        ticket_number=ticket.number,
        kind=ticket.kind,
        region=site.region,
        # What routing and the technician's skill go by: the ticket's category, else the
        # product's (a sales training or a sample may name no product).
        category=routing_category(ticket.category, product.category if product else None),
        description=ticket.description,
        topic=ticket.topic,
        # The technician goes to the site: the product's installation address, if it has one.
        customer={**ticket.customer.model_dump(mode="json"), **site.model_dump()},
        product=product.model_dump(mode="json") if product else {},
        preferred_start=window.start if window else None,
        preferred_end=window.end if window else None,
        window_agreed=agreed,
        window_agreed_at=ticket.created_at if agreed else None,
        respond_by=respond_by,
        complete_by=ticket.complete_by,
        status="unrouted",
        visit_number=1,
        attempt=0,
        labor_minutes=0,
        parts=[],
        travel_km=0,
        version=0,
        created_at=now,
        updated_at=now,
    )
    jobs.add(job)
    await uow.session.flush()
    TimerRepository(uow.session).add(
        SlaTimerRow(
            id=uuid.uuid4(),
            job_id=job.id,
            ticket_id=job.ticket_id,
            kind="respond",
            due_at=respond_by,
            state="pending",
        )
    )
    await route(uow, job, policy, now=now, actor=SYSTEM)
    return job


async def create_rework_job(
    uow: UnitOfWork, event: Envelope[intake.TicketReopened], *, policy: DispatchPolicy
) -> None:
    reopened = event.data
    jobs = JobRepository(uow.session)
    history = await jobs.of_ticket(reopened.ticket_id, lock=True)
    if not history:
        # Solved on the phone, and the callback said otherwise: the first visit, now.
        remote = await uow.session.get(RemoteTicketRow, reopened.ticket_id)
        if remote is None:
            log.warning("rework.no_previous_job", ticket_id=str(reopened.ticket_id))
            return
        ticket = reread(intake.TicketCreated, remote.facts)
        respond_by = reopened.reopened_at + policy.rework_respond_within
        await _first_visit(
            uow,
            ticket.model_copy(update={"needs_visit": True}),
            respond_by=respond_by,
            policy=policy,
        )
        return
    last = history[-1]
    if last.status not in FINAL:
        return  # the ticket already has a job under way (a repeated reopen)
    plan = plan_rework(reopened.reason)
    now = uow.now()
    respond_by = reopened.reopened_at + policy.rework_respond_within
    job = JobRow(
        id=uuid.uuid4(),
        ticket_id=last.ticket_id,
        ticket_number=last.ticket_number,
        kind=last.kind,
        region=last.region,
        category=last.category,
        description=last.description,
        topic=last.topic,
        customer=last.customer,
        product=last.product,
        respond_by=respond_by,
        complete_by=last.complete_by,  # the ticket's deadline to finish still runs
        status="unrouted",
        visit_number=last.visit_number + 1,
        previous_job_id=last.id,
        rework_reason=reopened.reason,
        avoid_point_id=last.point_id if plan.avoid_previous_point else None,
        avoid_technician_id=last.technician_id if plan.avoid_previous_technician else None,
        attempt=0,
        labor_minutes=0,
        parts=[],
        travel_km=0,
        version=0,
        created_at=now,
        updated_at=now,
    )
    jobs.add(job)
    await uow.session.flush()
    # The rework is a new request to answer: its own respond clock, from the reopening.
    TimerRepository(uow.session).add(
        SlaTimerRow(
            id=uuid.uuid4(),
            job_id=job.id,
            ticket_id=job.ticket_id,
            kind="respond",
            due_at=respond_by,
            state="pending",
        )
    )
    await route(
        uow, job, policy, now=now, actor=SYSTEM, prefer=last.point_id if plan.same_point else None
    )


async def cancel_jobs_of_ticket(
    uow: UnitOfWork,
    event: Envelope[intake.TicketCancelled]
    | Envelope[intake.TicketResolvedRemotely]
    | Envelope[intake.TicketClosed],
) -> None:
    """The ticket is cancelled, was solved on the phone, or ended otherwise (a refund or a
    replacement decided): its open jobs stop."""
    data = event.data
    ticket_id = data.ticket_id
    if isinstance(data, intake.TicketCancelled):
        reason = data.reason
    elif isinstance(data, intake.TicketClosed):
        reason = f"ticket closed ({data.closure_reason}): {data.note}"
    else:
        reason = "solved on the phone"
    now = uow.now()
    for job in await JobRepository(uow.session).of_ticket(ticket_id, lock=True):
        if job.status in FINAL:
            continue
        if job.status == "offered":
            await close_offer(uow, job, now=now, outcome="withdrawn", reason="ticket cancelled")
        await TimerRepository(uow.session).settle(
            job.id, ["respond", "accept", "arrival"], "cancelled", now
        )
        job.status_reason = f"ticket {event.type.split('.')[2]}: {reason}"
        previous = change(
            uow,
            job,
            "cancelled",
            action="cancelled",
            at=now,
            now=now,
            actor=event.source,
            note=job.status_reason,
        )
        publish_status(uow, job, previous, at=now, note=job.status_reason)
