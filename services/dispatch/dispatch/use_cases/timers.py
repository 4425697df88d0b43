"""The SLA clock worker: fires every due timer exactly once, whichever replica gets it.

Each timer fires in its own transaction. A replica claims a timer with ``SKIP LOCKED`` and
then takes its job only if no request holds it (``SKIP LOCKED`` again): it never waits on a
job while holding a timer, so it cannot deadlock with a request that settles that timer. A
skipped timer is simply taken on the next pass. Timers live in the database, so a restart
loses none: what fell due while the service was down fires when it is back.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from aftersales.database import Database
from aftersales.metrics import SLA_TIMERS_FIRED
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.timers import TimerRepository
from dispatch.adapters.tables.jobs import JobRow
from dispatch.adapters.tables.timers import SlaTimerRow
from dispatch.use_cases.job_events import publish_breach
from dispatch.use_cases.offers import expire_offer
from dispatch.use_cases.policy import DispatchPolicy

WAITING_FOR_ARRIVAL = frozenset({"scheduled", "en_route"})


async def fire_due(
    db: Database, *, policy: DispatchPolicy, limit: int = 100, now: datetime | None = None
) -> int:
    """Fire the timers due by ``now`` (the service's clock's time, read once per timer);
    returns how many fired."""
    fired = 0
    skipped: list[uuid.UUID] = []
    while fired + len(skipped) < limit:
        async with db.uow() as uow:
            timers = TimerRepository(uow.session)
            moment = now or uow.now()
            timer = await timers.next_due(moment, skip=skipped)
            if timer is None:
                break
            job = await timers.lock_job_if_free(timer.job_id)
            if job is None:
                skipped.append(timer.id)  # a request is changing the job; next pass
                continue
            await _fire(uow, job, timer, moment, policy)
            await uow.commit()
            fired += 1
    return fired


async def _fire(
    uow: UnitOfWork, job: JobRow, timer: SlaTimerRow, now: datetime, policy: DispatchPolicy
) -> None:
    SLA_TIMERS_FIRED.labels("dispatch", timer.kind).inc()
    timer.state = "fired"
    timer.settled_at = now
    match timer.kind:
        case "accept":
            await expire_offer(uow, job, timer, now=now, policy=policy)
        case "respond":
            publish_breach(uow, job, "respond", timer.due_at, now)
        case "arrival" if job.status in WAITING_FOR_ARRIVAL and job.appointment_end is not None:
            publish_breach(uow, job, "arrival", job.appointment_end, now)
        case _:
            timer.state = "cancelled"  # the job moved on in a way that voids this clock
