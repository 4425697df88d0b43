"""The point books a technician and an appointment window (and reschedules, with a reason)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from aftersales.errors import Unprocessable
from aftersales.events import Window, dispatch
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.repositories.points import PointRepository
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.repositories.technicians import TechnicianRepository
from dispatch.adapters.repositories.timers import TimerRepository
from dispatch.adapters.tables.jobs import JobRow
from dispatch.adapters.tables.timers import SlaTimerRow
from dispatch.domain.jobs import check_can_assign
from dispatch.domain.points import business_day, capacity_on
from dispatch.domain.scheduling import (
    CustomerWindow,
    RescheduleReason,
    TechnicianFacts,
    check_capacity,
    check_technician,
    check_window,
    reschedule_reason,
)
from dispatch.domain.sla import arrival_due
from dispatch.use_cases.job_events import change, publish
from dispatch.use_cases.policy import DispatchPolicy


@dataclass(frozen=True)
class Assignment:
    technician_id: uuid.UUID
    start: datetime
    end: datetime
    reason: str | None = None
    reason_code: RescheduleReason | None = None


async def assign(
    uow: UnitOfWork,
    job_id: uuid.UUID,
    cmd: Assignment,
    *,
    scope: Scope,
    actor: str,
    now: datetime,
    policy: DispatchPolicy,
) -> JobRow:
    job = await JobRepository(uow.session).get(job_id, scope=scope, lock=True)
    rescheduling = check_can_assign(job.status)
    reason_code = reschedule_reason(rescheduling, cmd.reason_code, cmd.reason)
    assert job.point_id is not None
    tech = await TechnicianRepository(uow.session).find(cmd.technician_id)
    if tech is None:
        raise Unprocessable("The technician does not belong to the job's network point.")
    check_technician(
        TechnicianFacts(tech.id, tech.point_id, tech.status, tuple(tech.skills)),
        point_id=job.point_id,
        category=job.category,
        avoid=job.avoid_technician_id,
    )
    window = (
        CustomerWindow(job.preferred_start, job.preferred_end, agreed=job.window_agreed)
        if job.preferred_start is not None and job.preferred_end is not None
        else None
    )
    moved = check_window(
        cmd.start,
        cmd.end,
        now=now,
        preferred=window,
        customer_request=reason_code == "customer_request",
    )

    day = business_day(cmd.start, policy.tz)
    points = PointRepository(uow.session)
    point = await points.get(job.point_id, lock=True)
    capacity = capacity_on(
        day, point.daily_capacity, points.as_domain(await points.overrides(point.id, day, day))
    )
    check_capacity(await points.booked(point.id, day, besides=job.id), capacity, day)

    job.technician_id = tech.id
    job.appointment_start = cmd.start
    job.appointment_end = cmd.end
    job.service_date = day
    job.status_reason = (cmd.reason or reason_code) if rescheduling else None
    if moved:  # the customer asked for another time: that is the window now
        job.preferred_start, job.preferred_end = cmd.start, cmd.end
    timers = TimerRepository(uow.session)
    await timers.settle(job.id, ["respond"], "met", now)
    job.respond_by = None  # booked: the customer has their answer (the board's next clock)
    await timers.settle(job.id, ["arrival"], "cancelled", now)
    timers.add(
        SlaTimerRow(
            id=uuid.uuid4(),
            job_id=job.id,
            ticket_id=job.ticket_id,
            kind="arrival",
            due_at=arrival_due(cmd.end, policy.arrival_grace),
            state="pending",
        )
    )
    change(
        uow,
        job,
        "scheduled",
        action="rescheduled" if rescheduling else "scheduled",
        at=now,
        now=now,
        actor=actor,
        note=cmd.reason,
        details={
            "technician_id": str(tech.id),
            "start": cmd.start.isoformat(),
            "end": cmd.end.isoformat(),
            **({"window_moved_at_customer_request": True} if moved else {}),
        },
    )
    publish(
        uow,
        job,
        dispatch.JobScheduled(
            job_id=job.id,
            ticket_id=job.ticket_id,
            point_id=job.point_id,
            technician_id=tech.id,
            appointment=Window(start=cmd.start, end=cmd.end),
            rescheduled_reason=cmd.reason if rescheduling else None,
            rescheduled_reason_code=reason_code,
        ),
    )
    return job
