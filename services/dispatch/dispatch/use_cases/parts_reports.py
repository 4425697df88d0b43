"""Spare-parts reports: what the stock is worth where, what the points used (by SKU and service
class), what does not move, and what each point still owes (shortfalls and returns).

Each report is one or two aggregate queries over the ledger's tables in one snapshot."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, literal, or_, select

from aftersales.calendar import month_bounds
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.tables.jobs import JobRow
from dispatch.adapters.tables.parts import PartRow, WarehouseRow
from dispatch.adapters.tables.points import PointRow
from dispatch.adapters.tables.returns import PartReturnRow
from dispatch.adapters.tables.stock import StockLevelRow, StockMovementRow
from dispatch.use_cases.policy import DispatchPolicy

OUTBOUND = ("issue", "transfer_out")


@dataclass(frozen=True)
class LocationValue:
    location_id: uuid.UUID
    code: str | None
    kind: str  # warehouse | point
    units: int
    value: int  # fen, at the parts' standard cost
    uncosted_skus: int  # SKUs on hand with no standard cost (valued at zero)


@dataclass(frozen=True)
class Consumption:
    point_id: uuid.UUID
    sku: str
    service_class: str  # A B C D, or "unknown" until billing has charged the job
    qty: int
    value: int


@dataclass(frozen=True)
class SlowMover:
    location_id: uuid.UUID
    sku: str
    on_hand: int
    value: int
    last_out_at: datetime | None


@dataclass(frozen=True)
class PointOwes:
    point_id: uuid.UUID
    code: str | None
    shortfall_units: int
    shortfall_value: int
    returns_outstanding: int
    returns_overdue: int


async def stock_value(uow: UnitOfWork) -> list[LocationValue]:
    cost = func.coalesce(PartRow.standard_cost, 0)
    stmt = (
        select(
            StockLevelRow.location_id,
            func.coalesce(WarehouseRow.code, PointRow.code),
            case((WarehouseRow.id.is_not(None), literal("warehouse")), else_=literal("point")),
            func.sum(StockLevelRow.on_hand),
            func.sum(StockLevelRow.on_hand * cost),
            func.count().filter(and_(StockLevelRow.on_hand > 0, PartRow.standard_cost.is_(None))),
        )
        .join(PartRow, PartRow.sku == StockLevelRow.sku)
        .outerjoin(WarehouseRow, WarehouseRow.id == StockLevelRow.location_id)
        .outerjoin(PointRow, PointRow.id == StockLevelRow.location_id)
        .group_by(StockLevelRow.location_id, WarehouseRow.id, WarehouseRow.code, PointRow.code)
        .having(func.sum(StockLevelRow.on_hand) > 0)
        .order_by(func.sum(StockLevelRow.on_hand * cost).desc())
    )
    return [
        LocationValue(loc, code, kind, int(units), int(value), int(uncosted))
        for loc, code, kind, units, value, uncosted in (await uow.session.execute(stmt)).all()
    ]


async def consumption(
    uow: UnitOfWork, month: str, point_id: uuid.UUID | None = None, *, policy: DispatchPolicy
) -> list[Consumption]:
    """Parts issued to jobs in the month (business time), by point, SKU and service class."""
    start, end = month_bounds(month, policy.tz)
    qty = func.sum(-StockMovementRow.qty)
    service_class = func.coalesce(JobRow.service_class, literal("unknown"))
    stmt = (
        select(
            StockMovementRow.location_id,
            StockMovementRow.sku,
            service_class,
            qty,
            func.sum(-StockMovementRow.qty * func.coalesce(PartRow.standard_cost, 0)),
        )
        .join(JobRow, JobRow.id == StockMovementRow.job_id)
        .join(PartRow, PartRow.sku == StockMovementRow.sku)
        .where(
            StockMovementRow.kind == "issue",
            StockMovementRow.at >= start,
            StockMovementRow.at < end,
        )
        .group_by(StockMovementRow.location_id, StockMovementRow.sku, service_class)
        .order_by(StockMovementRow.location_id, StockMovementRow.sku, service_class)
    )
    if point_id is not None:
        stmt = stmt.where(StockMovementRow.location_id == point_id)
    return [
        Consumption(loc, sku, cls, int(n), int(value))
        for loc, sku, cls, n, value in (await uow.session.execute(stmt)).all()
    ]


async def slow_movers(uow: UnitOfWork, days: int, limit: int) -> list[SlowMover]:
    """Stock on hand that has not gone out (issued or transferred) for ``days``, oldest first."""
    since = uow.now() - timedelta(days=days)
    last_out = (
        select(func.max(StockMovementRow.at))
        .where(
            StockMovementRow.location_id == StockLevelRow.location_id,
            StockMovementRow.sku == StockLevelRow.sku,
            StockMovementRow.kind.in_(OUTBOUND),
        )
        .scalar_subquery()
    )
    stmt = (
        select(
            StockLevelRow.location_id,
            StockLevelRow.sku,
            StockLevelRow.on_hand,
            StockLevelRow.on_hand * func.coalesce(PartRow.standard_cost, 0),
            last_out,
        )
        .join(PartRow, PartRow.sku == StockLevelRow.sku)
        .where(StockLevelRow.on_hand > 0, or_(last_out.is_(None), last_out < since))
        .order_by(last_out.asc().nulls_first(), StockLevelRow.location_id, StockLevelRow.sku)
        .limit(limit)
    )
    return [
        SlowMover(loc, sku, int(on_hand), int(value), out)
        for loc, sku, on_hand, value, out in (await uow.session.execute(stmt)).all()
    ]


async def points_owe(uow: UnitOfWork) -> list[PointOwes]:
    """Per point: the shortfall its books show and the defective parts still to come back."""
    shortfalls = (
        select(
            StockLevelRow.location_id,
            func.sum(StockLevelRow.shortfall),
            func.sum(StockLevelRow.shortfall * func.coalesce(PartRow.standard_cost, 0)),
        )
        .join(PartRow, PartRow.sku == StockLevelRow.sku)
        .where(StockLevelRow.shortfall > 0)
        .group_by(StockLevelRow.location_id)
    )
    outstanding = PartReturnRow.status != "received"
    returns = (
        select(
            PartReturnRow.point_id,
            func.count().filter(outstanding),
            func.count().filter(and_(outstanding, PartReturnRow.due_at < uow.now())),
        )
        .where(outstanding)
        .group_by(PartReturnRow.point_id)
    )
    owed: dict[uuid.UUID, list[int]] = {}
    for loc, units, value in (await uow.session.execute(shortfalls)).all():
        owed.setdefault(loc, [0, 0, 0, 0])[0:2] = [int(units), int(value)]
    for point, n, overdue in (await uow.session.execute(returns)).all():
        owed.setdefault(point, [0, 0, 0, 0])[2:4] = [int(n), int(overdue)]
    found = await uow.session.execute(
        select(PointRow.id, PointRow.code).where(PointRow.id.in_(owed))
    )
    codes: dict[uuid.UUID, str] = {pid: code for pid, code in found.all()}
    return [
        PointOwes(pid, codes.get(pid), *figures)
        for pid, figures in sorted(owed.items(), key=lambda kv: (codes.get(kv[0]) or "", kv[0]))
    ]
