"""A point answers an offer: accept, reject (→ next candidate), or no answer in time."""

from __future__ import annotations

import uuid
from datetime import datetime

from aftersales.errors import Unprocessable
from aftersales.events import dispatch
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.repositories.points import PointRepository
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.tables.jobs import JobRow
from dispatch.adapters.tables.timers import SlaTimerRow
from dispatch.domain.jobs import check_can_decide_offer, check_can_route_by_hand
from dispatch.use_cases.job_events import change, publish, publish_breach
from dispatch.use_cases.policy import DispatchPolicy
from dispatch.use_cases.routing import close_offer, offer, route


async def accept(
    uow: UnitOfWork, job_id: uuid.UUID, *, scope: Scope, actor: str, now: datetime
) -> JobRow:
    job = await JobRepository(uow.session).get(job_id, scope=scope, lock=True)
    check_can_decide_offer(job.status, "accepted")
    await close_offer(uow, job, now=now, outcome="accepted")
    job.accepted_at = now
    job.status_reason = None
    change(uow, job, "accepted", action="accepted", at=now, now=now, actor=actor)
    assert job.point_id is not None
    publish(
        uow,
        job,
        dispatch.JobAccepted(
            job_id=job.id, ticket_id=job.ticket_id, point_id=job.point_id, accepted_at=now
        ),
    )
    return job


async def reject(
    uow: UnitOfWork,
    job_id: uuid.UUID,
    reason: str,
    *,
    scope: Scope,
    actor: str,
    now: datetime,
    policy: DispatchPolicy,
) -> JobRow:
    jobs = JobRepository(uow.session)
    job = await jobs.get(job_id, scope=scope, lock=True)
    check_can_decide_offer(job.status, "rejected")
    await _decline(uow, job, reason=reason, expired=False, actor=actor, now=now, policy=policy)
    return job


async def expire_offer(
    uow: UnitOfWork, job: JobRow, timer: SlaTimerRow, *, now: datetime, policy: DispatchPolicy
) -> None:
    """The point let the offer run out: an accept-SLA breach, and the next candidate."""
    if job.status != "offered":
        return
    publish_breach(uow, job, "accept", timer.due_at, now)
    await _decline(
        uow,
        job,
        reason="no answer before the offer expired",
        expired=True,
        actor="dispatch",
        now=now,
        policy=policy,
    )


async def _decline(
    uow: UnitOfWork,
    job: JobRow,
    *,
    reason: str,
    expired: bool,
    actor: str,
    now: datetime,
    policy: DispatchPolicy,
) -> None:
    closed = await close_offer(
        uow, job, now=now, outcome="expired" if expired else "declined", reason=reason
    )
    point_id = closed.point_id if closed is not None else job.point_id
    assert point_id is not None
    change(
        uow,
        job,
        job.status,
        action="expired" if expired else "declined",
        at=now,
        now=now,
        actor=actor,
        note=reason,
        details={"point_id": str(point_id)},
    )
    publish(
        uow,
        job,
        dispatch.JobOfferDeclined(
            job_id=job.id,
            ticket_id=job.ticket_id,
            point_id=point_id,
            attempt=job.attempt,
            expired=expired,
            reason=reason,
            declined_at=now,
        ),
    )
    await route(uow, job, policy, now=now, actor=actor)


async def route_by_hand(
    uow: UnitOfWork,
    job_id: uuid.UUID,
    *,
    point_id: uuid.UUID | None,
    note: str | None,
    actor: str,
    now: datetime,
    policy: DispatchPolicy,
) -> JobRow:
    """An agent routes a waiting job: to a named point, or automatically once more."""
    job = await JobRepository(uow.session).get(job_id, lock=True)
    check_can_route_by_hand(job.status)
    if job.status == "offered":
        await close_offer(uow, job, now=now, outcome="withdrawn", reason=f"re-routed by {actor}")
    if point_id is None:
        await route(uow, job, policy, now=now, actor=actor)
        return job
    point = await PointRepository(uow.session).find(point_id)
    if point is None or not point.active:
        raise Unprocessable(f"Network point {point_id} does not exist or is not active.")
    why = f"routed by hand by {actor}" + (f": {note}" if note else "")
    await offer(
        uow,
        job,
        point.id,
        why,
        policy,
        now=now,
        actor=actor,
        own_why="routed by hand by the information centre",
    )
    return job
