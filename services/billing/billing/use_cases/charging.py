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
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aftersales.db import Database, UnitOfWork
from aftersales.events import Envelope, Money, billing, dispatch, intake
from billing.adapters.repositories import (
    CampaignRepository,
    ChargeRepository,
    ContractRepository,
    FactsRepository,
    Months,
    PriceListRepository,
)
from billing.adapters.tables import (
    ChargeLineRow,
    ChargeRow,
    CompletedJobRow,
    ContractRow,
    TicketFactsRow,
)
from billing.domain.charges import (
    Line,
    compensation_line,
    lines_for,
    review_notes,
    status_for,
    totals,
)
from billing.domain.classification import (
    Classification,
    ContractTerms,
    Exclusion,
    classify,
    with_exclusion,
)
from billing.domain.late_reports import Basis, Figures, differences, hold_reason
from billing.domain.months import month_of, settlement_month
from billing.domain.pricing import ReportedWork, price_job
from billing.use_cases.policy import BillingPolicy, policy_of
from billing.use_cases.price_lists import price_list_of

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
    }
)


async def on_job_completed(uow: UnitOfWork, event: Envelope[dispatch.JobCompleted]) -> None:
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
            "received_at": datetime.now(UTC),
            "exclusion": d.exclusion.model_dump() if d.exclusion else None,
            "delay_cause": d.delay_cause.model_dump() if d.delay_cause else None,
            "received": d.received.model_dump(mode="json") if d.received else None,
        }
    )
    job = await facts.completed_job(d.job_id)
    if job is not None and job.charge_id is None:
        await charge_job(uow, job)


async def charge_pending_of_ticket(uow: UnitOfWork, ticket_id: uuid.UUID) -> None:
    for job in await FactsRepository(uow.session).pending_of_ticket(ticket_id):
        await charge_job(uow, job)


WAITING_FOR_PRICES = "a price list"


async def sweep_pending(db: Database, *, limit: int = 100) -> int:
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
            if await charge_job(uow, job) is not None:
                charged += 1
            await uow.commit()
    return charged


@dataclass(frozen=True)
class Times:
    """The times a job is priced by: those its reports carry, or those they reached dispatch."""

    basis: Basis
    completed_at: datetime
    arrived_late_minutes: int


@dataclass
class Draft:
    """A job priced on one basis: everything its charge would say."""

    times: Times
    classification: Classification
    contract: ContractRow | None
    lines: list[Line]
    month: str
    price_list_version: int
    review: list[str]
    exclusion: dict[str, Any] | None
    unpaid_reason: str | None
    delay_cause: dict[str, Any] | None

    def money(self) -> Figures:
        """What the draft's money comes to: two drafts are compared by it."""
        t = totals(self.lines)
        return Figures(
            service_class=self.classification.service_class,
            month=self.month,
            price_list_version=self.price_list_version,
            unpaid_reason=self.unpaid_reason,
            customer_total=t.customer_total,
            company_cost=t.company_cost,
            work_value=t.work_value,
            compensation=t.compensation,
            lines=tuple(
                (
                    line.kind,
                    line.quantity,
                    line.list_amount,
                    line.customer_amount,
                    line.company_amount,
                )
                for line in self.lines
            ),
        )

    def figures(self) -> dict[str, Any]:
        """The draft as the charge's ``late_report`` keeps it (and a release applies it)."""
        c = self.classification
        t = totals(self.lines)
        return {
            "completed_at": self.times.completed_at.isoformat(),
            "arrived_late_minutes": self.times.arrived_late_minutes,
            "service_class": c.service_class,
            "class_reason": c.reason,
            "contract_id": str(c.contract.id) if c.contract else None,
            "campaign_id": str(c.campaign.id) if c.campaign else None,
            "price_list_version": self.price_list_version,
            "month": self.month,
            "customer_total": t.customer_total,
            "company_cost": t.company_cost,
            "work_value": t.work_value,
            "compensation": t.compensation,
            "unpaid_reason": self.unpaid_reason,
            "exclusion": self.exclusion,
            "delay_cause": self.delay_cause,
            "review": list(self.review),
            "lines": [line_json(line) for line in self.lines],
        }


def line_json(line: Line) -> dict[str, Any]:
    return {
        "kind": line.kind,
        "description": line.description,
        "sku": line.sku,
        "quantity": line.quantity,
        "unit_price": line.unit_price,
        "list_amount": line.list_amount,
        "customer_amount": line.customer_amount,
        "company_amount": line.company_amount,
    }


def line_rows(charge_id: uuid.UUID, lines: list[Line]) -> list[ChargeLineRow]:
    return [
        ChargeLineRow(
            charge_id=charge_id,
            position=i,
            kind=line.kind,
            description=line.description,
            sku=line.sku,
            quantity=line.quantity,
            unit_price=line.unit_price,
            list_amount=line.list_amount,
            customer_amount=line.customer_amount,
            company_amount=line.company_amount,
        )
        for i, line in enumerate(lines)
    ]


def line_of(data: dict[str, Any]) -> Line:
    return Line(
        kind=data["kind"],
        description=data["description"],
        list_amount=int(data["list_amount"]),
        customer_amount=int(data["customer_amount"]),
        company_amount=int(data["company_amount"]),
        sku=data.get("sku"),
        quantity=int(data["quantity"]),
        unit_price=data.get("unit_price"),
    )


async def draft(
    uow: UnitOfWork,
    job: CompletedJobRow,
    ticket: TicketFactsRow,
    times: Times,
    policy: BillingPolicy,
) -> Draft | None:
    """Price the job as completed at ``times.completed_at`` and arrived
    ``times.arrived_late_minutes`` late: the class, the price list in force, the late-arrival
    compensation, the settlement month and the rework rule follow those times. None while no
    price list exists."""
    lists = PriceListRepository(uow.session)
    prices_row = await lists.in_force(times.completed_at) or await lists.first()
    if prices_row is None:
        return None
    d = ReportedWork.of(job.event)
    month = await settlement_month_for(uow, times.completed_at, policy)
    completed_on = times.completed_at.astimezone(policy.tz).date()
    reported_on = ticket.opened_at.astimezone(policy.tz).date()
    contract = await ContractRepository(uow.session).covering(ticket.product_id, completed_on)
    base = classify(
        kind=ticket.kind,
        warranty_until=ticket.warranty_until,
        completed_on=completed_on,
        contract=_terms(contract) if contract else None,
        reported_on=reported_on,
        campaigns=await CampaignRepository(uow.session).running_on(reported_on),
        category=ticket.category,
        region=ticket.region,
    )
    claimed = job.exclusion
    c = with_exclusion(base, Exclusion(claimed["reason"], claimed["note"]) if claimed else None)
    items = price_job(
        price_list_of(prices_row),
        category=ticket.category,
        kind=ticket.kind,
        labour_minutes=d.labor_minutes,
        parts=list(d.parts),
        travel_km=d.travel_km,
    )
    late = compensation_line(
        times.arrived_late_minutes, policy.late_compensation_per_day, policy.late_grace_minutes
    )
    lines = [*lines_for(items, c), *([late] if late else [])]
    exclusion = None
    if c.exclusion is not None and claimed is not None:
        otherwise = totals([*lines_for(items, base), *([late] if late else [])])
        exclusion = {
            **claimed,
            "otherwise": {
                "service_class": base.service_class,
                "class_reason": base.reason,
                "campaign_id": str(base.campaign.id) if base.campaign else None,
                "customer_total": otherwise.customer_total,
                "company_cost": otherwise.company_cost,
            },
        }
    return Draft(
        times=times,
        classification=c,
        contract=contract,
        lines=lines,
        month=month,
        price_list_version=prices_row.version,
        review=review_notes(items),
        exclusion=exclusion,
        unpaid_reason=await unpaid_rework(uow, job, times.completed_at),
        delay_cause=job.delay_cause if late else None,
    )


def received_times(job: CompletedJobRow) -> Times | None:
    """The times a late report reached dispatch, when dispatch says it was late."""
    r = job.received
    if not r:
        return None
    return Times(
        "received",
        datetime.fromisoformat(r["completed_at"]),
        int(r.get("arrived_late_minutes") or 0),
    )


async def charge_job(uow: UnitOfWork, job: CompletedJobRow) -> ChargeRow | None:
    policy = policy_of(uow)
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
    now = datetime.now(UTC)
    held_reason = policy.plausible.doubt(d.labor_minutes, d.travel_km)
    late_report = None
    times = received_times(job)
    if times is not None:
        received = await draft(uow, job, ticket, times, policy)
        assert received is not None  # a price list exists: the reported draft found one
        assert job.received is not None
        late_by = int(job.received.get("reported_late_by_minutes") or 0)
        changes = differences(reported.money(), received.money())
        late_report = {
            "reported_late_by_minutes": late_by,
            "received": job.received,
            "differences": changes,
            "held": bool(changes),
        }
        if changes:
            why = hold_reason(late_by, changes)
            held_reason = f"{held_reason}; {why}" if held_reason else why
            late_report |= {
                "figures": {"reported": reported.figures(), "received": received.figures()},
                "basis": None,
            }
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
        held_reason=held_reason,
        details=ChargeDetails(
            campaign_id=c.campaign.id if c.campaign else None,
            exclusion=reported.exclusion,
            late_minutes=d.arrived_late_minutes,
            delay_cause=reported.delay_cause,
            unpaid_reason=reported.unpaid_reason,
            late_report=late_report,
        ),
    )
    job.charge_id = charge.id
    job.waiting_for = None
    return charge


def count_visit(contract: ContractRow, step: int, now: datetime) -> None:
    """A class B job done under the contract counts one of its visits (or gives it back)."""
    contract.visits_used = max(0, contract.visits_used + step)
    contract.version += 1
    contract.updated_at = now


UNFIXED_OUTCOMES = frozenset({"not_fixed_first_visit", "not_fixed_repeat", "complaint"})


async def unpaid_rework(
    uow: UnitOfWork, job: CompletedJobRow, completed_at: datetime | None = None
) -> str | None:
    """A job done after a callback found the same point's earlier work on the ticket unfixed
    (or complained of) is its rework: the point is not paid for it a second time."""
    return await rework_at(uow, job.ticket_id, job.point_id, completed_at or job.completed_at)


async def rework_at(
    uow: UnitOfWork, ticket_id: uuid.UUID, point_id: uuid.UUID, completed_at: datetime
) -> str | None:
    found = await FactsRepository(uow.session).unfixed_callback_before(
        ticket_id, point_id, completed_at, UNFIXED_OUTCOMES
    )
    return rework_reason(found.outcome, found.recorded_at) if found else None


def rework_reason(outcome: str | None, recorded_at: datetime) -> str:
    return (
        f"rework of the point's own job: the callback of {recorded_at:%Y-%m-%d} "
        f"recorded {outcome}; the work is not paid again"
    )


@dataclass(frozen=True)
class ChargeDetails:
    """What a charge records beside its lines (the campaign, the exclusion, the lateness)."""

    campaign_id: uuid.UUID | None = None
    exclusion: dict[str, Any] | None = None
    late_minutes: int = 0
    delay_cause: dict[str, Any] | None = None
    unpaid_reason: str | None = None
    number: str | None = None
    supplements: uuid.UUID | None = None
    late_report: dict[str, Any] | None = None


async def on_resolved_remotely(
    uow: UnitOfWork, event: Envelope[intake.TicketResolvedRemotely]
) -> None:
    """Solved on the phone: free service, nothing to pay — recorded once per ticket."""
    d = event.data
    if await ChargeRepository(uow.session).remote_of_ticket(d.ticket_id) is not None:
        return
    policy = policy_of(uow)
    month = await settlement_month_for(uow, d.resolved_at, policy)
    c = Classification("C", "resolved remotely by the information centre: no visit, no charge")
    await issue_charge(
        uow,
        c,
        [],
        policy,
        now=datetime.now(UTC),
        ticket_id=d.ticket_id,
        job_id=None,
        point_id=None,
        technician_id=None,
        month=month,
        completed_at=d.resolved_at,
        price_list_version=None,
        review=[],
    )


async def settlement_month_for(uow: UnitOfWork, at: datetime, policy: BillingPolicy) -> str:
    months = Months(uow.session)
    occurred = month_of(at, policy.tz)
    await months.lock_for_fact(occurred)
    month = settlement_month(occurred, await months.closed())
    if month != occurred:
        await months.lock_for_fact(month)
    return month


def _terms(row: ContractRow) -> ContractTerms:
    return ContractTerms(
        id=row.id,
        contract_no=row.contract_no,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        covers_labour=row.covers_labour,
        covers_parts=row.covers_parts,
        covers_travel=row.covers_travel,
        visits_included=row.visits_included,
        visits_used=row.visits_used,
    )


async def issue_charge(
    uow: UnitOfWork,
    c: Classification,
    lines: list[Line],
    policy: BillingPolicy,
    *,
    now: datetime,
    ticket_id: uuid.UUID,
    job_id: uuid.UUID | None,
    point_id: uuid.UUID | None,
    technician_id: uuid.UUID | None,
    month: str,
    completed_at: datetime,
    price_list_version: int | None,
    review: list[str],
    held_reason: str | None = None,
    auto_invoice: bool = True,
    charge_id: uuid.UUID | None = None,
    details: ChargeDetails = ChargeDetails(),
    announce: bool = True,
) -> ChargeRow:
    """Issue a charge with its lines (never changed once it is invoiced or settled; a held
    charge's may be replaced when finance releases it on a late report's received times) and
    publish it (a supplementary charge is announced by its correction instead)."""
    t = totals(lines)
    charge = ChargeRow(
        id=charge_id or uuid.uuid4(),
        ticket_id=ticket_id,
        job_id=job_id,
        point_id=point_id,
        technician_id=technician_id,
        service_class=c.service_class,
        class_reason=c.reason,
        contract_id=c.contract.id if c.contract else None,
        price_list_version=price_list_version,
        currency=policy.currency,
        customer_total=t.customer_total,
        company_cost=t.company_cost,
        work_value=t.work_value,
        compensation=t.compensation,
        credited=0,
        paid_total=0,
        status=status_for(t.customer_total),
        review=review,
        held_reason=held_reason,
        month=month,
        completed_at=completed_at,
        issued_at=now,
        auto_invoice_at=(
            policy.auto_invoice_at(now)
            if auto_invoice and t.customer_total > 0 and held_reason is None
            else None
        ),
        campaign_id=details.campaign_id,
        exclusion=details.exclusion,
        late_minutes=details.late_minutes,
        delay_cause=details.delay_cause,
        late_waived=None,
        unpaid_reason=details.unpaid_reason,
        number=details.number,
        supplements=details.supplements,
        late_report=details.late_report,
        version=1,
        updated_at=now,
    )
    await ChargeRepository(uow.session).add(charge, line_rows(charge.id, lines))
    if not announce:
        return charge
    uow.publish(
        billing.ChargeIssued(
            charge_id=charge.id,
            ticket_id=ticket_id,
            job_id=job_id,
            point_id=point_id,
            service_class=c.service_class,  # type: ignore[arg-type]
            class_reason=c.reason,
            customer_total=Money(amount=t.customer_total, currency=policy.currency),
            company_cost=Money(amount=t.company_cost, currency=policy.currency),
            issued_at=now,
        ),
        aggregate_id=charge.id,
        aggregate_version=charge.version,
    )
    return charge
