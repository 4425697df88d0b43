"""A job priced on one basis (the times its reports carry, or those they reached dispatch):
the class, the price list in force, the compensation, the month and the rework rule follow
those times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.campaigns import CampaignRepository
from billing.adapters.repositories.contracts import ContractRepository
from billing.adapters.repositories.price_lists import PriceListRepository
from billing.adapters.tables.contracts import ContractRow
from billing.adapters.tables.facts import CompletedJobRow, TicketFactsRow
from billing.domain.charges import (
    Line,
    compensation_line,
    lines_for,
    review_notes,
    totals,
)
from billing.domain.classification import (
    Classification,
    ContractTerms,
    Exclusion,
    classify,
    with_exclusion,
)
from billing.domain.late_reports import Basis, Figures
from billing.domain.pricing import ReportedWork, price_job
from billing.use_cases.charging.issuing import settlement_month_for
from billing.use_cases.charging.rework import unpaid_rework
from billing.use_cases.policy import BillingPolicy
from billing.use_cases.price_lists import price_list_of


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
    contract = (
        await ContractRepository(uow.session).covering(ticket.product_id, completed_on)
        if ticket.product_id is not None
        else None
    )
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
    # The grace and the rate approved for the moment the job was completed (the time of this
    # basis), whenever the report reaches billing.
    dated = await policy.as_of(uow, times.completed_at) if times.arrived_late_minutes else policy
    late = compensation_line(
        times.arrived_late_minutes, dated.late_compensation_per_day, dated.late_grace_minutes
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
