"""Every completed job gets exactly one charge, under the right class and the prices in force
when it was completed.

A completed job is first recorded; its charge is issued at once when billing knows the ticket
(``intake.ticket.created.v1``) and has a price list, or later — when the ticket's event
arrives (events of two streams may come in either order) or by the sweeper once a price list
exists. The two events take the ticket's advisory lock first, so when they are handled at the
same moment the second sees the first. The job's row is locked while charging and
``charges.job_id`` is unique, so a redelivered or replayed event never makes a second charge.

A job reported late (dispatch's ``received``: a report reached it long after its ``at``) is
priced twice, by the reports' times and by the times they were received. Where the money
differs the charge is issued on the reported times but held, with both figures in its
``late_report``, until finance releases it on one of them (``releases.release_charge``).
Nothing is refused: the report's work is always charged.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from aftersales.database import Database
from aftersales.events import Envelope, dispatch
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.repositories.price_lists import PriceListRepository
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.contracts import ContractRow
from billing.adapters.tables.facts import CompletedJobRow
from billing.domain.late_reports import differences
from billing.domain.late_reports import hold_reason as late_report_reason
from billing.domain.pricing import ReportedWork
from billing.domain.reviews import hold_reason, late_report_finding
from billing.use_cases import reviews
from billing.use_cases.charging.drafts import Times, draft, received_times
from billing.use_cases.charging.issuing import ChargeDetails, issue_charge
from billing.use_cases.policy import BillingPolicy

# The completed job's report as billing keeps it (what ReportedWork reads, and the job's ids).
RECORDED_FIELDS = frozenset(
    {
        "job_id",
        "ticket_id",
        "point_id",
        "technician_id",
        "resolution",
        "labor_minutes",
        "parts",
        "travel_km",
        "visit_number",
        "arrived_late_minutes",
        "completed_at",
        # What the claims review weighs beside the money (the unit's serial, for repeat visits).
        "serial_no",
        "model",
    }
)


async def on_job_completed(
    uow: UnitOfWork, event: Envelope[dispatch.JobCompleted], *, policy: BillingPolicy
) -> None:
    """Charge a completed job once, with the warranty exclusion the technician claims and the
    cause the point gives for a late arrival (and, for a late report, the times it reached
    dispatch)."""
    d = event.data
    facts = FactsRepository(uow.session)
    await facts.lock_ticket(d.ticket_id)
    await facts.record_completed_job(
        {
            "job_id": d.job_id,
            "ticket_id": d.ticket_id,
            "point_id": d.point_id,
            "technician_id": d.technician_id,
            "completed_at": d.completed_at,
            # What pricing reads (fault codes do not change the price).
            "event": d.model_dump(mode="json", include=set(RECORDED_FIELDS)),
            "received_at": uow.now(),
            "exclusion": d.exclusion.model_dump() if d.exclusion else None,
            "delay_cause": d.delay_cause.model_dump() if d.delay_cause else None,
            "received": d.received.model_dump(mode="json") if d.received else None,
        }
    )
    job = await facts.completed_job(d.job_id)
    if job is not None and job.charge_id is None:
        await charge_job(uow, job, policy=policy)


async def charge_pending_of_ticket(
    uow: UnitOfWork, ticket_id: uuid.UUID, *, policy: BillingPolicy
) -> None:
    for job in await FactsRepository(uow.session).pending_of_ticket(ticket_id):
        await charge_job(uow, job, policy=policy)


WAITING_FOR_PRICES = "a price list"


async def sweep_pending(db: Database, policy: BillingPolicy, *, limit: int = 100) -> int:
    """Charge the completed jobs that waited for a first price list; returns how many.
    (Jobs waiting for their ticket's facts are charged when those arrive.)"""
    charged = 0
    seen: list[uuid.UUID] = []
    while len(seen) < limit:
        async with db.uow() as uow:
            if await PriceListRepository(uow.session).first() is None:
                break
            job = await FactsRepository(uow.session).next_pending(
                seen, waiting_for=WAITING_FOR_PRICES
            )
            if job is None:
                break
            seen.append(job.job_id)
            if await charge_job(uow, job, policy=policy) is not None:
                charged += 1
            await uow.commit()
    return charged


async def charge_job(
    uow: UnitOfWork, job: CompletedJobRow, *, policy: BillingPolicy
) -> ChargeRow | None:
    ticket = await FactsRepository(uow.session).ticket(job.ticket_id)
    if ticket is None:
        job.waiting_for = "the ticket's facts"
        return None
    d = ReportedWork.of(job.event)
    reported = await draft(
        uow, job, ticket, Times("reported", job.completed_at, d.arrived_late_minutes), policy
    )
    if reported is None:
        job.waiting_for = WAITING_FOR_PRICES
        return None
    now = uow.now()
    rules = await reviews.rules_at(uow, job.completed_at, policy)
    findings = await reviews.weigh(uow, job, ticket, rules, policy)
    late_report = None
    times = received_times(job)
    if times is not None:
        received = await draft(uow, job, ticket, times, policy)
        assert received is not None  # a price list exists: the reported draft found one
        assert job.received is not None
        late_by = int(job.received.get("reported_late_by_minutes") or 0)
        changes = differences(reported.money(), received.money())
        late = (
            late_report_finding(rules, late_report_reason(late_by, changes), late_by)
            if changes
            else None
        )
        late_report = {
            "reported_late_by_minutes": late_by,
            "received": job.received,
            "differences": changes,
            "held": bool(late and late.holds),
        }
        if changes:
            late_report["figures"] = {
                "reported": reported.figures(),
                "received": received.figures(),
            }
        if late is not None:
            findings.append(late)
            if late.holds:
                late_report["basis"] = None
    c = reported.classification
    if c.service_class == "B" and reported.contract is not None:
        count_visit(reported.contract, +1, now)
    charge = await issue_charge(
        uow,
        c,
        reported.lines,
        policy,
        now=now,
        ticket_id=job.ticket_id,
        job_id=job.job_id,
        point_id=job.point_id,
        technician_id=job.technician_id,
        month=reported.month,
        completed_at=job.completed_at,
        price_list_version=reported.price_list_version,
        review=reported.review,
        held_reason=hold_reason(findings),
        details=ChargeDetails(
            campaign_id=c.campaign.id if c.campaign else None,
            exclusion=reported.exclusion,
            late_minutes=d.arrived_late_minutes,
            delay_cause=reported.delay_cause,
            unpaid_reason=reported.unpaid_reason,
            late_report=late_report,
        ),
    )
    await reviews.raise_flags(uow, charge, findings, at=now)
    job.charge_id = charge.id
    job.waiting_for = None
    return charge


def count_visit(contract: ContractRow, step: int, now: datetime) -> None:
    """A class B job done under the contract counts one of its visits (or gives it back)."""
    contract.visits_used = max(0, contract.visits_used + step)
    contract.version += 1
    contract.updated_at = now
