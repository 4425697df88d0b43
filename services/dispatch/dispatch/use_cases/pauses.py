"""Paused clocks: the ticket's pause (from intake) and the point's pause through its job.

A pause stops the job's SLA clocks (``respond``, ``arrival``) at the moment it was made; resuming
moves each due time on by exactly the time paused. An offer's acceptance window is not an SLA
of the ticket and keeps running: a point still has to say yes or no.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from aftersales.errors import Conflict
from aftersales.events import Envelope, dispatch, intake
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.repositories.timers import TimerRepository
from dispatch.adapters.tables.jobs import JobRow
from dispatch.domain.board import moved_on
from dispatch.domain.jobs import FINAL
from dispatch.use_cases.job_events import change, publish, publish_status

PAUSABLE = ("respond", "arrival")


async def _pause_job(
    uow: UnitOfWork, job: JobRow, reason: str, note: str | None, *, at: datetime, actor: str
) -> None:
    await TimerRepository(uow.session).pause([job.id], PAUSABLE, at)
    job.paused_at, job.pause_reason = at, reason
    change(uow, job, job.status, action="paused", at=at, now=at, actor=actor, note=note or reason)


async def _resume_job(uow: UnitOfWork, job: JobRow, *, at: datetime, actor: str) -> None:
    await TimerRepository(uow.session).resume([job.id], at)
    if job.paused_at is not None:  # the board's due times move on as the clocks do
        job.respond_by, job.complete_by = moved_on(
            job.respond_by, job.complete_by, paused_at=job.paused_at, resumed_at=at
        )
    job.paused_at = job.pause_reason = None
    change(uow, job, job.status, action="resumed", at=at, now=at, actor=actor)


async def _open_jobs(uow: UnitOfWork, ticket_id: uuid.UUID) -> list[JobRow]:
    jobs = await JobRepository(uow.session).of_ticket(ticket_id, lock=True)
    return [j for j in jobs if j.status not in FINAL]


async def on_ticket_paused(uow: UnitOfWork, event: Envelope[intake.TicketPaused]) -> None:
    d = event.data
    if d.origin == "job":
        return  # the point paused through its job: dispatch's clocks stopped then
    for job in await _open_jobs(uow, d.ticket_id):
        if job.paused_at is None:
            await _pause_job(uow, job, d.reason, d.note, at=d.paused_at, actor=d.paused_by)


async def on_ticket_resumed(uow: UnitOfWork, event: Envelope[intake.TicketResumed]) -> None:
    d = event.data
    if d.origin == "job":
        return
    for job in await _open_jobs(uow, d.ticket_id):
        if job.paused_at is not None:
            await _resume_job(uow, job, at=d.resumed_at, actor=d.resumed_by)


async def _pause_and_tell(
    uow: UnitOfWork, job: JobRow, reason: str, note: str | None, *, at: datetime, actor: str
) -> None:
    """Stop the job's clocks and tell intake, which stops the ticket's."""
    await _pause_job(uow, job, reason, note, at=at, actor=actor)
    publish(
        uow,
        job,
        dispatch.JobPaused(
            job_id=job.id,
            ticket_id=job.ticket_id,
            point_id=job.point_id,
            reason=reason,  # type: ignore[arg-type]
            note=note,
            paused_by=actor,
            paused_at=at,
        ),
    )


async def _resume_and_tell(uow: UnitOfWork, job: JobRow, *, at: datetime, actor: str) -> None:
    paused_at = job.paused_at
    assert paused_at is not None
    await _resume_job(uow, job, at=at, actor=actor)
    publish(
        uow,
        job,
        dispatch.JobResumed(
            job_id=job.id,
            ticket_id=job.ticket_id,
            point_id=job.point_id,
            resumed_by=actor,
            paused_at=paused_at,
            resumed_at=at,
        ),
    )


async def pause(
    uow: UnitOfWork,
    job_id: uuid.UUID,
    reason: str,
    note: str | None,
    *,
    scope: Scope,
    actor: str,
    now: datetime,
) -> JobRow:
    """The point pauses its job's clocks (and, through intake, the ticket's)."""
    job = await JobRepository(uow.session).get(job_id, scope=scope, lock=True)
    if job.status in FINAL:
        raise Conflict(f"The job is {job.status}; its clocks have stopped.", job_status=job.status)
    if job.paused_at is not None:
        raise Conflict(f"The job is paused already (since {job.paused_at.isoformat()}).")
    await _pause_and_tell(uow, job, reason, note, at=now, actor=actor)
    return job


async def resume(
    uow: UnitOfWork, job_id: uuid.UUID, *, scope: Scope, actor: str, now: datetime
) -> JobRow:
    job = await JobRepository(uow.session).get(job_id, scope=scope, lock=True)
    if job.paused_at is None:
        raise Conflict("The job is not paused.")
    await _resume_and_tell(uow, job, at=now, actor=actor)
    return job


async def pause_for_parts(
    uow: UnitOfWork, job: JobRow, *, note: str | None, at: datetime, actor: str
) -> None:
    """A job waiting for a requisition: its clocks and (through intake) the ticket's stop."""
    await _pause_and_tell(uow, job, "awaiting_parts", note, at=at, actor=actor)


async def parts_received(uow: UnitOfWork, job: JobRow, *, at: datetime, actor: str) -> None:
    """The job's parts arrived: it is accepted again, to be booked anew (the same visit), and
    its clocks continue where they stopped."""
    if job.status != "awaiting_parts":
        return
    job.technician_id = None
    job.appointment_start = job.appointment_end = None
    previous = change(uow, job, "accepted", action="parts_received", at=at, now=at, actor=actor)
    publish_status(uow, job, previous, at=at, note="parts received; to be booked again")
    if job.paused_at is not None:
        await _resume_and_tell(uow, job, at=at, actor=actor)
