"""A customer's paid parts order (有償訂貨): priced at once as a class A charge (the parts at list
price and a shipping fee, no labour), invoiced when it is paid in full rather than by the
same-day automatic invoice, and cancelled (credited in full) when it stays unpaid past its days
or the customer cancels it first. Paid in full, it is announced to dispatch, which must ship it
within two days.

The order's row is keyed by its ticket, so a redelivered ``intake.parts_order.placed.v1`` never
prices it twice; the row is locked for every step, so payment and cancellation never cross.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.database import Database
from aftersales.events import Envelope, billing, intake
from aftersales.tasks import claim_due
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.price_lists import PriceListRepository
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.parts_orders import PartsOrderRow
from billing.domain.charges import lines_for, review_notes
from billing.domain.classification import Classification
from billing.domain.pricing import price_order
from billing.use_cases.charging.issuing import issue_charge, settlement_month_for
from billing.use_cases.invoices import invoice_now, issue_credit_note
from billing.use_cases.policy import BillingPolicy
from billing.use_cases.price_lists import price_list_of

ORDER_CLASS = Classification("A", "paid parts order: the parts at list price and shipping")


async def on_placed(
    uow: UnitOfWork, event: Envelope[intake.PartsOrderPlaced], *, policy: BillingPolicy
) -> None:
    d = event.data
    now = uow.now()
    charge_id = uuid.uuid4()
    claimed = await uow.session.scalar(
        pg_insert(PartsOrderRow)
        .values(
            ticket_id=d.ticket_id,
            number=d.number,
            charge_id=charge_id,
            lines=[line.model_dump() for line in d.lines],
            status="awaiting_payment",
            pay_by=now + policy.parts_order_pay_within,
            tenant_id=d.tenant_id,
            created_at=now,
        )
        .on_conflict_do_nothing(index_elements=["ticket_id"])
        .returning(PartsOrderRow.ticket_id)
    )
    if claimed is None:
        return  # priced already (a redelivery)
    lists = PriceListRepository(uow.session)
    prices_row = await lists.in_force(now) or await lists.first()
    lines = [(line.sku, line.qty) for line in d.lines]
    items = (
        price_order(price_list_of(prices_row), lines, policy.parts_order_shipping_fee)
        if prices_row is not None
        else []
    )
    review = review_notes(items)
    held = None
    if prices_row is None:
        held = "no price list yet: finance prices this order"
    elif review:
        held = "parts not in the price list: " + "; ".join(review)
    await issue_charge(
        uow,
        ORDER_CLASS,
        lines_for(items, ORDER_CLASS),
        policy,
        now=now,
        ticket_id=d.ticket_id,
        job_id=None,
        point_id=None,
        technician_id=None,
        month=await settlement_month_for(uow, now, policy),
        completed_at=now,
        price_list_version=prices_row.version if prices_row is not None else None,
        review=review,
        held_reason=held,
        auto_invoice=False,
        charge_id=charge_id,
    )


async def _order_of_charge(uow: UnitOfWork, charge_id: uuid.UUID) -> PartsOrderRow | None:
    return await uow.session.scalar(
        select(PartsOrderRow).where(PartsOrderRow.charge_id == charge_id).with_for_update()
    )


async def after_payment(uow: UnitOfWork, charge: ChargeRow, *, policy: BillingPolicy) -> None:
    """A payment was recorded on ``charge``: when it paid a parts order in full, invoice it and
    tell dispatch to ship."""
    if charge.job_id is not None or charge.status != "paid":
        return
    order = await _order_of_charge(uow, charge.id)
    if order is None or order.status != "awaiting_payment":
        return
    invoice = await invoice_now(uow, charge, actor="billing", policy=policy)
    order.status, order.paid_at = "paid", charge.updated_at
    uow.publish(
        billing.PartsOrderPaid(
            ticket_id=order.ticket_id,
            charge_id=charge.id,
            lines=[billing.OrderLine(**line) for line in order.lines],
            invoice_id=invoice.id,
            paid_at=charge.updated_at,
        ),
        aggregate_id=charge.id,
        aggregate_version=charge.version,
    )


async def _cancel(
    uow: UnitOfWork, order: PartsOrderRow, reason: str, now: datetime, policy: BillingPolicy
) -> None:
    charge = await uow.session.get(ChargeRow, order.charge_id, with_for_update=True)
    assert charge is not None
    owed = charge.customer_total - charge.credited
    if owed > 0:
        await issue_credit_note(
            uow,
            charge.id,
            amount=owed,
            currency=charge.currency,
            reason=reason,
            actor="billing",
            policy=policy,
        )
    order.status, order.cancelled_at = "cancelled", now
    uow.publish(
        billing.PartsOrderCancelled(
            ticket_id=order.ticket_id, charge_id=charge.id, reason=reason, cancelled_at=now
        ),
        aggregate_id=charge.id,
        aggregate_version=charge.version,
    )


async def on_ticket_cancelled(
    uow: UnitOfWork, event: Envelope[intake.TicketCancelled], *, policy: BillingPolicy
) -> None:
    """The customer cancelled the order before paying for it: its charge is credited."""
    order = await uow.session.get(PartsOrderRow, event.data.ticket_id, with_for_update=True)
    if order is None or order.status != "awaiting_payment":
        return
    reason = f"cancelled by the customer: {event.data.reason}"
    await _cancel(uow, order, reason, uow.now(), policy)


async def cancel_unpaid(db: Database, policy: BillingPolicy, *, limit: int = 100) -> int:
    """Cancel each order nothing was paid on by its ``pay_by`` (as of the service's clock);
    returns how many. An order paid in part stays for finance to settle. A cancelled order is
    no longer awaiting payment, so it is never cancelled twice, however the clock moves."""
    at = db.clock.now()
    days = policy.parts_order_pay_within.total_seconds() / 86400

    async def cancel(uow: UnitOfWork, order: PartsOrderRow) -> None:
        await _cancel(uow, order, f"unpaid after {days:g} days", at, policy)

    unpaid = (
        select(PartsOrderRow)
        .join(ChargeRow, ChargeRow.id == PartsOrderRow.charge_id)
        .where(
            PartsOrderRow.status == "awaiting_payment",
            PartsOrderRow.pay_by < at,
            ChargeRow.paid_total == 0,
        )
        .order_by(PartsOrderRow.pay_by)
    )
    return await claim_due(db, unpaid, cancel, limit=limit, of=PartsOrderRow)
