"""Offering a job to the right network point (automatically, or by an agent's hand)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime

from aftersales.events import dispatch
from aftersales.events.base import Window
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.repositories.points import PointRepository
from dispatch.adapters.repositories.timers import TimerRepository
from dispatch.adapters.tables.jobs import JobOfferRow, JobRow
from dispatch.adapters.tables.timers import SlaTimerRow
from dispatch.domain.points import business_day
from dispatch.domain.routing import Candidate, Decision, choose
from dispatch.use_cases.job_events import change, publish
from dispatch.use_cases.policy import DispatchPolicy

DECLINED = ("declined", "expired")


def first_service_day(job: JobRow, now: datetime, policy: DispatchPolicy) -> datetime:
    """A job occupies a slot on the day the customer prefers, or today."""
    if job.preferred_start is not None and job.preferred_start > now:
        return job.preferred_start
    return now


async def route(
    uow: UnitOfWork,
    job: JobRow,
    policy: DispatchPolicy,
    *,
    now: datetime,
    actor: str,
    prefer: uuid.UUID | None = None,
) -> None:
    """Offer the job to the best point with room that has not declined it, or leave it
    ``unrouted`` with the reason. ``prefer`` tries one point first (rework to the same point)."""
    points = PointRepository(uow.session)
    jobs = JobRepository(uow.session)
    day = job.service_date or business_day(first_service_day(job, now, policy), policy.tz)
    declined = {o.point_id for o in await jobs.offers(job.id) if o.outcome in DECLINED}
    excluded = {job.avoid_point_id} if job.avoid_point_id else set()
    candidates = await points.routing_candidates(region=job.region, category=job.category, day=day)

    decision: Decision | None = None
    if prefer is not None and prefer not in declined:
        preferred = [c for c in candidates if c.point_id == prefer]
        first = await _decide(uow, preferred, job, day, declined, excluded)
        if first.winner is not None:
            decision = replace(
                first,
                why=f"rework: back to the point of the previous visit, {first.why}",
                own_why=f"rework: back to the point of the previous visit, {first.own_why}",
            )
    if decision is None:
        decision = await _decide(uow, candidates, job, day, declined, excluded)

    job.service_date = day
    job.routing = decision.explanation(day)
    if decision.winner is None:
        await leave_unrouted(uow, job, decision.why, now=now, actor=actor)
    else:
        await offer(
            uow,
            job,
            decision.winner.point_id,
            decision.why,
            policy,
            now=now,
            actor=actor,
            own_why=decision.own_why,
        )


async def _decide(
    uow: UnitOfWork,
    candidates: list[Candidate],
    job: JobRow,
    day: date,
    declined: set[uuid.UUID],
    excluded: set[uuid.UUID],
) -> Decision:
    """Choose, then lock the winner and count again: two jobs routed at once must not both
    take a point's last slot of the day."""
    points = PointRepository(uow.session)
    while True:
        decision = choose(
            candidates,
            region=job.region,
            category=job.category,
            day=day,
            declined=declined,
            excluded=excluded,
        )
        winner = decision.winner
        if winner is None:
            return decision
        await points.get(winner.point_id, lock=True)
        booked = await points.booked(winner.point_id, day, besides=job.id)
        if booked < winner.capacity:
            return decision
        candidates = [replace(c, load=booked) if c is winner else c for c in candidates]


async def offer(
    uow: UnitOfWork,
    job: JobRow,
    point_id: uuid.UUID,
    why: str,
    policy: DispatchPolicy,
    *,
    now: datetime,
    actor: str,
    own_why: str | None = None,
) -> None:
    """Offer the job to ``point_id``. ``why`` is the full reason, for staff (it may name the
    other candidates); ``own_why`` the chosen point's own, for everyone else."""
    job.point_id = point_id
    job.technician_id = None
    job.attempt += 1
    job.offer_expires_at = now + policy.offer_timeout
    job.status_reason = why
    change(
        uow,
        job,
        "offered",
        action="offered",
        at=now,
        now=now,
        actor=actor,
        note=why,
        details={"point_id": str(point_id), "attempt": job.attempt},
    )
    JobRepository(uow.session).add_offer(
        JobOfferRow(
            id=uuid.uuid4(),
            job_id=job.id,
            point_id=point_id,
            attempt=job.attempt,
            offered_at=now,
            expires_at=job.offer_expires_at,
            outcome="pending",
            why=why,
        )
    )
    TimerRepository(uow.session).add(
        SlaTimerRow(
            id=uuid.uuid4(),
            job_id=job.id,
            ticket_id=job.ticket_id,
            kind="accept",
            due_at=job.offer_expires_at,
            state="pending",
        )
    )
    publish(uow, job, offer_of(job, point_id, why, own_why))


def offer_of(job: JobRow, point_id: uuid.UUID, why: str, own_why: str | None) -> dispatch.JobRouted:
    """The offer as a point acts on it: the job's facts, the window and the accept-by time."""
    assert job.offer_expires_at is not None
    window = (
        Window(start=job.preferred_start, end=job.preferred_end)
        if job.preferred_start and job.preferred_end
        else None
    )
    product = job.product or {}
    return dispatch.JobRouted(
        job_id=job.id,
        ticket_id=job.ticket_id,
        point_id=point_id,
        attempt=job.attempt,
        why=why,
        offer_expires_at=job.offer_expires_at,
        ticket_number=job.ticket_number,
        kind=job.kind,
        region=job.region,
        product=dispatch.OfferedProduct(
            category=job.category,
            model=str(product.get("model", "")),
            serial_no=str(product.get("serial_no", "")),
            in_warranty=bool(product.get("in_warranty", False)),
        ),
        window=window,
        description=job.description,
        own_why=own_why,
        window_agreed=job.window_agreed if window else None,
        topic=job.topic,
    )


async def leave_unrouted(
    uow: UnitOfWork, job: JobRow, reason: str, *, now: datetime, actor: str
) -> None:
    job.point_id = None
    job.technician_id = None
    job.offer_expires_at = None
    job.status_reason = reason
    change(uow, job, "unrouted", action="unrouted", at=now, now=now, actor=actor, note=reason)
    publish(uow, job, dispatch.JobUnrouted(job_id=job.id, ticket_id=job.ticket_id, reason=reason))


# What closing an offer means for its accept timer (an expiry is the timer firing itself).
TIMER_STATE_AFTER = {"accepted": "met", "declined": "met", "withdrawn": "cancelled"}


async def close_offer(
    uow: UnitOfWork, job: JobRow, *, now: datetime, outcome: str, reason: str | None = None
) -> JobOfferRow | None:
    """Close the open offer (accepted, declined, expired or withdrawn) and its accept timer."""
    pending = await JobRepository(uow.session).pending_offer(job.id)
    if pending is not None:
        pending.outcome = outcome
        pending.reason = reason
        pending.decided_at = now
    if outcome in TIMER_STATE_AFTER:
        await TimerRepository(uow.session).settle(
            job.id, ["accept"], TIMER_STATE_AFTER[outcome], now
        )
    job.offer_expires_at = None
    return pending
