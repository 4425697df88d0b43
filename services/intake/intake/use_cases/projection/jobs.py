"""The ticket follows its jobs (dispatch's reports): status, assignment, the answer a booking
gives, and a callback that overtook its job, applied once the job is known."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter

from aftersales.events import AnyEnvelope, Envelope, dispatch, feedback
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import TicketJobRow, TicketRow
from intake.domain.lifecycle import TicketState, apply_job_status
from intake.domain.redaction import for_outsiders
from intake.use_cases.projection.callbacks import settle_callback, settle_unreachable
from intake.use_cases.projection.timeline import summary, ticket_for_event
from intake.use_cases.ticket_events import change_status, touch

log = get_logger(__name__)


JOB_STATUS_OF: dict[type, Callable[[Any], str]] = {
    dispatch.JobRouted: lambda d: "offered",
    dispatch.JobUnrouted: lambda d: "unrouted",
    dispatch.JobAccepted: lambda d: "accepted",
    dispatch.JobScheduled: lambda d: "scheduled",
    dispatch.JobStatusChanged: lambda d: d.status,
    dispatch.JobCompleted: lambda d: "completed",
}


_ADAPTER: TypeAdapter[Envelope[Any]] = TypeAdapter(AnyEnvelope)


async def on_job_event(uow: UnitOfWork, event: Envelope[Any]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    tickets = TicketRepository(uow.session)
    jobs = await tickets.jobs(ticket.id)
    job = jobs.get(d.job_id)
    if job is not None and event.aggregate_version <= job.version:
        ticket.updated_at = uow.now()
        return  # an older report of this job: history only
    job_status = JOB_STATUS_OF[type(d)](d)
    known = frozenset(jid for jid, j in jobs.items() if j.version > 0)
    if job is None:
        job = TicketJobRow(
            job_id=d.job_id,
            ticket_id=ticket.id,
            status=job_status,
            version=event.aggregate_version,
            updated_at=event.time,
        )
        tickets.add_job(job)
    else:
        job.status, job.version, job.updated_at = job_status, event.aggregate_version, event.time
    if isinstance(d, dispatch.JobCompleted):
        job.cause_code = d.cause_code

    # ``known`` was read before this event: the jobs the ticket had already heard of.
    before = TicketState(ticket.status, ticket.current_job_id, known)
    after = apply_job_status(before, d.job_id, job_status)
    ticket.current_job_id = after.current_job_id
    if after.current_job_id == d.job_id:
        _assign(ticket, d, event.time)
    if after.status != before.status:  # change_status bumps the version itself
        # The reason goes out in intake.ticket.status_changed, to CRMs too: as they may read it.
        reason = summary(for_outsiders(event))
        await change_status(uow, ticket, after.status, reason=reason, actor=event.source)
    else:
        touch(uow, ticket)
    if job.pending_callback is not None and ticket.current_job_id == d.job_id:
        pending = _ADAPTER.validate_python(job.pending_callback)
        job.pending_callback = None
        if isinstance(pending.data, feedback.CallbackUnreachable):
            await settle_unreachable(uow, ticket, pending)
        else:
            await settle_callback(uow, ticket, pending)


def _assign(ticket: TicketRow, d: Any, at: datetime) -> None:
    if isinstance(d, dispatch.JobRouted | dispatch.JobAccepted):
        ticket.point_id = d.point_id
    elif isinstance(d, dispatch.JobUnrouted):
        ticket.point_id = None  # no point has the job now (every one declined, or none serves)
    elif isinstance(d, dispatch.JobScheduled):
        if ticket.respond_clock == "dispatch" and ticket.responded_at is None:
            ticket.responded_at = at  # a visit ticket is answered by booking its visit
        ticket.point_id, ticket.technician_id = d.point_id, d.technician_id
        ticket.appointment_start, ticket.appointment_end = d.appointment.start, d.appointment.end
    elif isinstance(d, dispatch.JobCompleted):
        ticket.point_id, ticket.technician_id = d.point_id, d.technician_id


async def on_sla_breached(uow: UnitOfWork, event: Envelope[dispatch.SlaBreached]) -> None:
    """Dispatch's answer clock (booking the visit) ran out: it shows on the ticket too."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if event.data.sla == "respond" and ticket.response_breached_at is None:
        ticket.response_breached_at = event.data.breached_at
    touch(uow, ticket)
