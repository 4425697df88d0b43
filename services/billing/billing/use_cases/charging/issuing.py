"""Issuing a charge with its lines, in the settlement month its time falls in (the next open
one when that month has closed), and announcing it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aftersales.events import Money, billing
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.repositories.months import Months
from billing.adapters.tables.charges import ChargeLineRow, ChargeRow
from billing.domain.charges import (
    Line,
    status_for,
    totals,
)
from billing.domain.classification import (
    Classification,
)
from billing.domain.months import month_of, settlement_month
from billing.use_cases.policy import BillingPolicy


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


async def settlement_month_for(uow: UnitOfWork, at: datetime, policy: BillingPolicy) -> str:
    return await settlement_month_of(uow, month_of(at, policy.tz))


async def settlement_month_of(uow: UnitOfWork, occurred: str) -> str:
    """The month a fact of ``occurred`` is settled in: its own, or the first open one after it
    (locked against a close for this transaction)."""
    months = Months(uow.session)
    await months.lock_for_fact(occurred)
    month = settlement_month(occurred, await months.closed())
    if month != occurred:
        await months.lock_for_fact(month)
    return month


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
