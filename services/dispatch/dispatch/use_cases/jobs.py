"""Jobs born of intake's tickets: the first visit, rework after an unhappy callback, and
cancellation when the ticket is cancelled or solved on the phone."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from aftersales.db import UnitOfWork
from aftersales.events import Envelope, dispatch, intake
from aftersales.logging import get_logger
from dispatch.adapters.repositories import JobRepository, TimerRepository
from dispatch.adapters.tables import JobRow, SlaTimerRow
from dispatch.domain.jobs import FINAL
from dispatch.domain.rework import plan_rework
from dispatch.use_cases.job_events import SYSTEM, change, publish
from dispatch.use_cases.policy import policy_of
from dispatch.use_cases.routing import close_offer, route

log = get_logger(__name__)


async def create_job_for_ticket(uow: UnitOfWork, event: Envelope[intake.TicketCreated]) -> None:
    ticket = event.data
    if not ticket.needs_visit:
        return
    jobs = JobRepository(uow.session)
    if await jobs.of_ticket(ticket.ticket_id):
        return  # already made (a replayed dead letter, say): one first visit per ticket
    now = datetime.now(UTC)
    window = ticket.preferred_window
    job = JobRow(
        id=uuid.uuid4(),
        ticket_id=ticket.ticket_id,
        ticket_number=ticket.number,
        kind=ticket.kind,
        region=ticket.customer.region,
        category=ticket.product.category,
        description=ticket.description,
        customer=ticket.customer.model_dump(mode="json"),
        product=ticket.product.model_dump(mode="json"),
        preferred_start=window.start if window else None,
        preferred_end=window.end if window else None,
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
            due_at=ticket.respond_by,
            state="pending",
        )
    )
    await route(uow, job, policy_of(uow), now=now, actor=SYSTEM)


async def create_rework_job(uow: UnitOfWork, event: Envelope[intake.TicketReopened]) -> None:
    reopened = event.data
    jobs = JobRepository(uow.session)
    history = await jobs.of_ticket(reopened.ticket_id, lock=True)
    if not history:
        log.warning("rework.no_previous_job", ticket_id=str(reopened.ticket_id))
        return
    last = history[-1]
    if last.status not in FINAL:
        return  # the ticket already has a job under way (a repeated reopen)
    plan = plan_rework(reopened.reason)
    now = datetime.now(UTC)
    job = JobRow(
        id=uuid.uuid4(),
        ticket_id=last.ticket_id,
        ticket_number=last.ticket_number,
        kind=last.kind,
        region=last.region,
        category=last.category,
        description=last.description,
        customer=last.customer,
        product=last.product,
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
    await route(
        uow,
        job,
        policy_of(uow),
        now=now,
        actor=SYSTEM,
        prefer=last.point_id if plan.same_point else None,
    )


async def cancel_jobs_of_ticket(
    uow: UnitOfWork,
    event: Envelope[intake.TicketCancelled] | Envelope[intake.TicketResolvedRemotely],
) -> None:
    """The ticket is cancelled or was solved on the phone: its open jobs stop."""
    data = event.data
    ticket_id = data.ticket_id
    reason = data.reason if isinstance(data, intake.TicketCancelled) else "solved on the phone"
    now = datetime.now(UTC)
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
        publish(
            uow,
            job,
            dispatch.JobStatusChanged(
                job_id=job.id,
                ticket_id=job.ticket_id,
                point_id=job.point_id,
                technician_id=job.technician_id,
                status="cancelled",
                previous_status=previous,  # type: ignore[arg-type]
                at=now,
                note=job.status_reason,
            ),
        )
