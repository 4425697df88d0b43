"""What billing keeps of the other services' events: ticket facts, grades, and what comes off
a point's settlement (SLA breaches, substantiated complaints, penalties)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.events import Envelope, dispatch, feedback, intake
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.repositories.months import Months
from billing.adapters.repositories.price_lists import PriceListRepository
from billing.adapters.tables.facts import PointFactsRow, ProductFactsRow, TicketFactsRow
from billing.domain.money import percent_of
from billing.use_cases import reviews
from billing.use_cases.charging.completed_jobs import charge_pending_of_ticket
from billing.use_cases.charging.issuing import settlement_month_for
from billing.use_cases.charging.rework import UNFIXED_OUTCOMES, rework_reason
from billing.use_cases.policy import BillingPolicy
from billing.use_cases.price_lists import price_list_of


async def record_ticket(
    uow: UnitOfWork, event: Envelope[intake.TicketCreated], *, policy: BillingPolicy
) -> None:
    """The ticket's facts for pricing (the first copy of the event wins). A ticket without a
    product keeps the category it names and no warranty."""
    t = event.data
    product = t.product  # None for sales training, or a sample with no registered product
    await FactsRepository(uow.session).lock_ticket(t.ticket_id)
    await uow.session.execute(
        pg_insert(TicketFactsRow)
        .values(
            ticket_id=t.ticket_id,
            number=t.number,
            kind=t.kind,
            customer_id=t.customer.id,
            product_id=product.id if product else None,
            category=product.category if product else (t.category or ""),
            purchased_on=product.purchased_on if product else None,
            warranty_until=product.warranty_until if product else None,
            contract_no=product.contract_no if product else None,
            region=t.site.region,
            status="open",
            aggregate_version=event.aggregate_version,
            opened_at=t.created_at,
        )
        .on_conflict_do_nothing(index_elements=["ticket_id"])
    )
    await charge_pending_of_ticket(uow, t.ticket_id, policy=policy)


async def record_grade(uow: UnitOfWork, event: Envelope[feedback.PointGraded]) -> None:
    d = event.data
    await FactsRepository(uow.session).record_grade(
        {"point_id": d.point_id, "month": d.month, "grade": d.grade, "graded_at": d.graded_at}
    )


async def _deduct(
    uow: UnitOfWork,
    *,
    kind: str,
    source_id: uuid.UUID,
    point_id: uuid.UUID,
    occurred_at: datetime,
    reason: str,
    policy: BillingPolicy,
    amount: int | None = None,
) -> None:
    month = await settlement_month_for(uow, occurred_at, policy)
    await FactsRepository(uow.session).add_deduction(
        {
            "id": uuid.uuid4(),
            "point_id": point_id,
            "month": month,
            "kind": kind,
            "source_id": source_id,
            "amount": policy.deductions[kind] if amount is None else amount,
            "reason": reason,
            "occurred_at": occurred_at,
        }
    )


async def record_sla_breach(
    uow: UnitOfWork, event: Envelope[dispatch.SlaBreached], *, policy: BillingPolicy
) -> None:
    d = event.data
    if d.point_id is None:
        return  # no point had the job: nothing to deduct from
    await _deduct(
        uow,
        policy=policy,
        kind="sla_breach",
        source_id=event.id,
        point_id=d.point_id,
        occurred_at=d.breached_at,
        reason=f"{d.sla} SLA breached on ticket {d.ticket_id}",
    )


async def record_complaint(
    uow: UnitOfWork, event: Envelope[feedback.ComplaintResolved], *, policy: BillingPolicy
) -> None:
    d = event.data
    if not d.substantiated or d.point_id is None:
        return
    await _deduct(
        uow,
        policy=policy,
        kind="complaint",
        source_id=d.complaint_id,
        point_id=d.point_id,
        occurred_at=d.resolved_at,
        reason=f"substantiated complaint on ticket {d.ticket_id}",
    )


async def record_discipline(
    uow: UnitOfWork, event: Envelope[feedback.TechnicianDisciplined], *, policy: BillingPolicy
) -> None:
    """The second strike's penalty falls on the staff member (§1 (15)): it goes in the
    technician's penalty ledger, and comes off the point's settlement only when the point is a
    partner (the company's own centres pay their staff; a partner is paid for its work)."""
    d = event.data
    if d.action != "penalty":
        return
    facts = FactsRepository(uow.session)
    point = await facts.point(d.point_id) if d.point_id is not None else None
    partner = point is not None and point.is_partner
    reason = f"penalty for technician {d.technician_id} (strike {d.strike})"
    month = await settlement_month_for(uow, d.decided_at, policy)
    await facts.add_staff_penalty(
        {
            "id": uuid.uuid4(),
            "technician_id": d.technician_id,
            "point_id": d.point_id,
            "complaint_id": d.complaint_id,
            "strike": d.strike,
            "amount": policy.deductions["penalty"],
            "currency": policy.currency,
            "reason": reason,
            "deducted_from_point": partner,
            "month": month,
            "decided_at": d.decided_at,
        }
    )
    if partner and d.point_id is not None:
        await _deduct(
            uow,
            policy=policy,
            kind="penalty",
            source_id=d.complaint_id,
            point_id=d.point_id,
            occurred_at=d.decided_at,
            reason=reason,
        )


async def record_point(
    uow: UnitOfWork,
    event: Envelope[dispatch.PointRegistered] | Envelope[dispatch.PointUpdated],
) -> None:
    """Keep the newest version of each network point (billing needs: is it a partner)."""
    d = event.data
    await _keep_newest(
        uow,
        PointFactsRow,
        {
            "point_id": d.point_id,
            "code": d.code,
            "name": d.name,
            "is_partner": d.is_partner,
            "aggregate_version": event.aggregate_version,
            "updated_at": d.at,
        },
    )


async def record_grading(uow: UnitOfWork, event: Envelope[feedback.GradingCompleted]) -> None:
    await Months(uow.session).record_grading(event.data.month, event.data.completed_at)


async def record_callback(
    uow: UnitOfWork,
    event: Envelope[feedback.CallbackRecorded],
    *,
    policy: BillingPolicy,
) -> None:
    """Settlement follows callback outcomes: a rework of the point's own unfixed job is not
    paid (whether the rework's charge came first or comes later), and an outcome may carry a
    deduction of its own (``BILLING_OUTCOME_DEDUCTIONS``)."""
    d = event.data
    facts = FactsRepository(uow.session)
    await facts.lock_ticket(d.ticket_id)
    new = await facts.record_callback(
        {
            "callback_id": d.callback_id,
            "ticket_id": d.ticket_id,
            "job_id": d.job_id,
            "point_id": d.point_id,
            "outcome": d.outcome,
            "recorded_at": d.recorded_at,
            "visit_confirmed": d.visit_confirmed,
        }
    )
    if new and d.visit_confirmed == "no" and d.job_id is not None:
        await reviews.on_no_visit(uow, d.job_id, d.callback_id, at=d.recorded_at, policy=policy)
    if not new or d.point_id is None or d.outcome is None:
        return
    # The deduction in force when the callback was recorded (a dated policy).
    amount = (await policy.as_of(uow, d.recorded_at)).outcome_deductions.get(d.outcome, 0)
    if amount > 0:
        await _deduct(
            uow,
            policy=policy,
            kind="outcome",
            source_id=d.callback_id,
            point_id=d.point_id,
            occurred_at=d.recorded_at,
            reason=f"callback outcome {d.outcome} on ticket {d.ticket_id}",
            amount=amount,
        )
    if d.outcome not in UNFIXED_OUTCOMES:
        return
    reason = rework_reason(d.outcome, d.recorded_at)
    months = Months(uow.session)
    now = uow.now()
    for charge in await facts.reworks_after(d.ticket_id, d.point_id, d.recorded_at):
        await months.lock_for_fact(charge.month)
        if await months.is_closed(charge.month):
            # Paid already in a closed month: what was paid for it comes off the next open one.
            await _deduct(
                uow,
                policy=policy,
                kind="outcome",
                source_id=charge.id,
                point_id=d.point_id,
                occurred_at=d.recorded_at,
                reason=f"{reason} (charge {charge.id}, settled in {charge.month})",
                amount=percent_of(
                    charge.work_value, policy.rates.class_percent.get(charge.service_class, 0)
                ),
            )
        charge.unpaid_reason = reason
        charge.version += 1
        charge.updated_at = now


async def record_product(
    uow: UnitOfWork,
    event: Envelope[intake.ProductRegistered] | Envelope[intake.ProductUpdated],
) -> None:
    """Keep the newest version of each product; an older or repeated event changes nothing."""
    d = event.data
    await _keep_newest(
        uow,
        ProductFactsRow,
        {
            "product_id": d.product_id,
            "customer_id": d.customer_id,
            "category": d.category,
            "model": d.model,
            "purchased_on": d.purchased_on,
            "warranty_until": d.warranty_until,
            "deregistered": isinstance(d, intake.ProductUpdated) and d.deregistered,
            "tenant_id": d.tenant_id,
            "aggregate_version": event.aggregate_version,
            "updated_at": event.time,
        },
    )


async def _keep_newest(
    uow: UnitOfWork, row: type[PointFactsRow] | type[ProductFactsRow], values: dict[str, Any]
) -> None:
    """Upsert another service's aggregate keyed by its first value: an older or repeated
    version changes nothing."""
    key = next(iter(values))
    stmt = pg_insert(row).values(**values)
    await uow.session.execute(
        stmt.on_conflict_do_update(
            index_elements=[key],
            set_={k: stmt.excluded[k] for k in values if k != key},
            where=row.aggregate_version < stmt.excluded.aggregate_version,
        )
    )


async def record_unreturned_part(
    uow: UnitOfWork, event: Envelope[dispatch.PartReturnOverdue], *, policy: BillingPolicy
) -> None:
    """A defective part the point did not send back in time: its cost comes off the point's
    settlement (the price list's cost in force then; the parts master's standard cost if the
    price list has none)."""
    d = event.data
    lists = PriceListRepository(uow.session)
    prices = await lists.in_force(d.noticed_at) or await lists.first()  # as charging does
    listed = price_list_of(prices).parts.get(d.sku) if prices is not None else None
    unit = listed.cost if listed is not None else (d.standard_cost or 0)
    await _deduct(
        uow,
        policy=policy,
        kind="unreturned_part",
        source_id=d.return_id,
        point_id=d.point_id,
        occurred_at=d.noticed_at,
        reason=f"defective {d.sku} x{d.qty} of job {d.job_id} not returned by {d.due_at:%Y-%m-%d}",
        amount=unit * d.qty,
    )
