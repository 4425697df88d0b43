"""Shared steps of every job change: bump the version, write history, stage the event."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aftersales.events import EventData, dispatch
from aftersales.metrics import SLA_BREACHES
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.repositories.timers import TimerRepository
from dispatch.adapters.tables.jobs import JobHistoryRow, JobRow

SYSTEM = "dispatch"


def change(
    uow: UnitOfWork,
    job: JobRow,
    status: str,
    *,
    action: str,
    at: datetime,
    now: datetime,
    actor: str,
    note: str | None = None,
    details: dict[str, Any] | None = None,
) -> str:
    """Move the job to ``status`` (or keep it), record why, and return the previous status."""
    previous = job.status
    job.status = status
    job.version += 1
    job.updated_at = now
    JobRepository(uow.session).record(
        JobHistoryRow(
            job_id=job.id,
            action=action,
            status=status,
            previous_status=previous,
            at=at,
            recorded_at=now,
            actor=actor,
            note=note,
            details=details,
        )
    )
    return previous


def publish(uow: UnitOfWork, job: JobRow, data: EventData) -> None:
    uow.publish(data, aggregate_id=job.id, aggregate_version=job.version)


def publish_breach(
    uow: UnitOfWork,
    job: JobRow,
    sla: str,
    due_at: datetime,
    now: datetime,
    *,
    breached_at: datetime | None = None,
) -> None:
    job.version += 1
    job.updated_at = now
    SLA_BREACHES.labels("dispatch", sla).inc()
    publish(
        uow,
        job,
        dispatch.SlaBreached(
            ticket_id=job.ticket_id,
            job_id=job.id,
            point_id=job.point_id,
            sla=sla,  # type: ignore[arg-type]
            due_at=due_at,
            breached_at=breached_at or now,
        ),
    )


def publish_status(
    uow: UnitOfWork,
    job: JobRow,
    previous: str,
    *,
    at: datetime,
    note: str | None = None,
) -> None:
    """The job's new status, in the words of the event (the domain's statuses, each of which
    the contract names: ``tests/architecture/test_enums_at_the_edge.py``)."""
    publish(
        uow,
        job,
        dispatch.JobStatusChanged(
            job_id=job.id,
            ticket_id=job.ticket_id,
            point_id=job.point_id,
            technician_id=job.technician_id,
            status=job.status,  # type: ignore[arg-type]
            previous_status=previous,  # type: ignore[arg-type]
            at=at,
            note=note,
            receipt_no=job.receipt_no,
        ),
    )


async def unbook(
    uow: UnitOfWork,
    job: JobRow,
    *,
    action: str,
    at: datetime,
    now: datetime,
    actor: str,
    note: str,
    details: dict[str, Any] | None = None,
) -> None:
    """A booked job back to ``accepted`` for its point to book again: its technician and
    appointment cleared, its arrival clock cancelled, the change published."""
    await TimerRepository(uow.session).settle(job.id, ["arrival"], "cancelled", now)
    job.technician_id = None
    job.appointment_start = None
    job.appointment_end = None
    job.status_reason = note
    previous = change(
        uow, job, "accepted", action=action, at=at, now=now, actor=actor, note=note, details=details
    )
    publish_status(uow, job, previous, at=now, note=note)
