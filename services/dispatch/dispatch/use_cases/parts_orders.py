"""Customers' paid parts orders at the warehouse: learned from intake (what, for whom, where to)
and billing (paid in full, or cancelled unpaid), shipped from a warehouse's stock within
``DISPATCH_PARTS_ORDER_SHIP_WITHIN_HOURS`` of payment, then delivered. A deadline missed is
published once (``dispatch.parts_order.ship_overdue.v1``): the customer must be told at once.

The events about one order may arrive in either order: whichever comes first creates the row
(``INSERT .. ON CONFLICT``), the row is locked for every change after that, and each change
only fills in or moves forward (``dispatch.domain.parts_orders``), so a duplicate does nothing.

Shipping promises an arrival date by the distance from the warehouse to the address (the
operator's delivery bands, ``dispatch.domain.delivery``); both ``shipped`` and ``delivered``
carry it (``promised_by``), and ``delivered`` the calendar days it came late, which billing
compensates.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.database import Database
from aftersales.errors import Conflict, NotFound, Unprocessable
from aftersales.events import Envelope, billing, dispatch, intake
from aftersales.tasks import claim_due
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.tables.parts import WarehouseRow
from dispatch.adapters.tables.parts_orders import PartsOrderRow
from dispatch.domain import delivery
from dispatch.domain import parts_orders as rules
from dispatch.domain.points import business_day
from dispatch.use_cases.delivery import bands_of
from dispatch.use_cases.delivery import current as current_bands
from dispatch.use_cases.policy import DispatchPolicy
from dispatch.use_cases.stock import Move, location_kind, record_moves


async def _row(uow: UnitOfWork, ticket_id: uuid.UUID, **first: Any) -> PartsOrderRow:
    """The order's row, locked; created from ``first`` when this is the first event of it."""
    await uow.session.execute(
        pg_insert(PartsOrderRow)
        .values(ticket_id=ticket_id, version=0, created_at=uow.now(), **first)
        .on_conflict_do_nothing(index_elements=["ticket_id"])
    )
    stmt = (
        select(PartsOrderRow)
        .where(PartsOrderRow.ticket_id == ticket_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await uow.session.scalars(stmt)).one()


async def on_placed(uow: UnitOfWork, event: Envelope[intake.PartsOrderPlaced]) -> None:
    d = event.data
    lines = [line.model_dump() for line in d.lines]
    row = await _row(uow, d.ticket_id, lines=lines, status="awaiting_payment")
    row.number, row.tenant_id = d.number, d.tenant_id
    row.lines = row.lines or lines
    row.customer = {"id": str(d.customer.id), "name": d.customer.name, "phone": d.customer.phone}
    row.ship_to = d.ship_to.model_dump()
    row.version += 1


async def on_paid(
    uow: UnitOfWork, event: Envelope[billing.PartsOrderPaid], *, policy: DispatchPolicy
) -> None:
    d = event.data
    lines = [line.model_dump() for line in d.lines]
    row = await _row(uow, d.ticket_id, lines=lines, status="awaiting_payment")
    if row.paid_at is not None:
        return  # a redelivery
    row.charge_id, row.paid_at = d.charge_id, d.paid_at
    row.ship_by = d.paid_at + policy.parts_order_ship_within
    row.status = rules.paid(row.status)
    row.version += 1


async def on_cancelled(uow: UnitOfWork, event: Envelope[billing.PartsOrderCancelled]) -> None:
    d = event.data
    row = await _row(uow, d.ticket_id, lines=[], status="awaiting_payment")
    if row.status == "awaiting_payment":
        row.status, row.cancelled_at, row.charge_id = "cancelled", d.cancelled_at, d.charge_id
        row.version += 1


async def get(uow: UnitOfWork, ticket_id: uuid.UUID, *, lock: bool = False) -> PartsOrderRow:
    row = await uow.session.get(PartsOrderRow, ticket_id, with_for_update=lock)
    if row is None:
        raise NotFound(f"Parts order {ticket_id} does not exist.")
    return row


async def page(uow: UnitOfWork, *, status: str | None, limit: int) -> list[PartsOrderRow]:
    """Those due to ship first (earliest deadline), then the newest."""
    stmt = (
        select(PartsOrderRow)
        .order_by(PartsOrderRow.ship_by.asc().nulls_last(), PartsOrderRow.created_at.desc())
        .limit(limit)
    )
    if status is not None:
        stmt = stmt.where(PartsOrderRow.status == status)
    return list((await uow.session.scalars(stmt)).all())


async def ship(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    from_location_id: uuid.UUID,
    carrier: str,
    tracking_no: str,
    *,
    actor: str,
    policy: DispatchPolicy,
) -> PartsOrderRow:
    """Out of the warehouse's stock (a 409 names any shortfall, and nothing moves), with the
    arrival promised by the distance from the warehouse's region to the address's."""
    row = await get(uow, ticket_id, lock=True)
    rules.check_step(row.status, "ship")
    if row.ship_to is None:
        raise Conflict("The order's address has not reached dispatch yet; try again shortly.")
    warehouse = await uow.session.get(WarehouseRow, from_location_id)
    if warehouse is None:
        await location_kind(uow, from_location_id)  # a 422 naming what it is not
        raise Unprocessable("A parts order ships from a warehouse.")
    reference = f"parts order {row.number or row.ticket_id}"
    await record_moves(
        uow,
        [
            Move(from_location_id, line["sku"], "issue", line["qty"], reference=reference)
            for line in sorted(row.lines, key=lambda x: x["sku"])
        ],
        actor=actor,
    )
    now = uow.now()
    row.from_location_id, row.carrier, row.tracking_no = from_location_id, carrier, tracking_no
    row.status, row.shipped_at = "shipped", now
    assert row.ship_by is not None
    promised = delivery.promise(
        bands_of(await current_bands(uow)),
        warehouse.region,
        str(row.ship_to.get("region", "")),
        default_days=policy.delivery_default_days,
    )
    row.promise_days, row.promise_basis = promised.days, promised.basis
    row.promised_by = delivery.promised_by(
        business_day(now, policy.tz), business_day(row.ship_by, policy.tz), promised.days
    )
    _publish(uow, row, dispatch.PartsOrderShipped, now, on_time=rules.on_time(now, row.ship_by))
    return row


async def delivered(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    *,
    at: datetime | None = None,
    policy: DispatchPolicy,
) -> PartsOrderRow:
    """The carrier delivered it, now or at ``at`` (the carrier's proof of delivery, given
    later): not in the future, not before it shipped. Delivered once: again is a 409."""
    row = await get(uow, ticket_id, lock=True)
    rules.check_step(row.status, "deliver")
    now = uow.now()
    assert row.shipped_at is not None
    at = rules.delivered_at(at, shipped_at=row.shipped_at, now=now, skew=policy.clock_skew)
    delivered_on = business_day(at, policy.tz)
    row.status, row.delivered_at = "delivered", at
    row.days_late = delivery.days_late(delivered_on, row.promised_by)
    _publish(
        uow,
        row,
        dispatch.PartsOrderDelivered,
        at,
        delivered_on=delivered_on,
        days_late=row.days_late,
    )
    return row


def _publish(
    uow: UnitOfWork,
    row: PartsOrderRow,
    event: type[dispatch.PartsOrderEvent],
    at: datetime,
    **extra: Any,
) -> None:
    row.version += 1
    assert row.ship_by is not None
    uow.publish(
        event(
            ticket_id=row.ticket_id,
            number=row.number,
            lines=[dispatch.PartsOrderLine(**line) for line in row.lines],
            ship_by=row.ship_by,
            from_location_id=row.from_location_id,
            carrier=row.carrier,
            tracking_no=row.tracking_no,
            at=at,
            promised_by=row.promised_by,
            **extra,
        ),
        aggregate_id=row.ticket_id,
        aggregate_version=row.version,
    )


async def report_overdue(db: Database, *, now: datetime | None = None, limit: int = 100) -> int:
    """Publish each paid order not shipped by its deadline once (``now``: the service's clock)."""
    now = now or db.clock.now()

    async def late(uow: UnitOfWork, row: PartsOrderRow) -> None:
        row.overdue_at = now
        _publish(uow, row, dispatch.PartsOrderShipOverdue, now)

    due = (
        select(PartsOrderRow)
        .where(
            PartsOrderRow.status == "paid",
            PartsOrderRow.overdue_at.is_(None),
            PartsOrderRow.ship_by < now,
        )
        .order_by(PartsOrderRow.ship_by)
    )
    return await claim_due(db, due, late, limit=limit)
