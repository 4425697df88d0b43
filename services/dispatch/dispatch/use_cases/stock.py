"""Parts, locations and the stock ledger: receipts, transfers, adjustments, reorder levels.

Every movement locks its (location, SKU) level row first, in a fixed order when a command moves
several, writes the immutable movement row and the new level in the same transaction, and
publishes ``dispatch.stock.below_reorder.v1`` when it takes the stock below the reorder level.
So two replicas issuing the last unit at once cannot both succeed: the second waits for the
first's lock and then finds nothing left (a 409 naming the shortfall).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.errors import Conflict, NotFound, Unprocessable
from aftersales.events import dispatch
from aftersales.http.etag import check_version
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.tables.parts import PartRow, WarehouseRow
from dispatch.adapters.tables.points import PointRow
from dispatch.adapters.tables.stock import StockLevelRow, StockMovementRow
from dispatch.domain.stock import Level, apply, check_lines, crossed_below, issue_to_job, signed

STOCK_NAMESPACE = uuid.UUID("6b1f0a52-3c1e-4d0e-9a57-0d1f3e0c5a11")


@dataclass(frozen=True)
class NewPart:
    sku: str
    name: str
    categories: list[str]
    unit: str
    models: list[str]
    standard_cost: int | None
    return_required: bool
    return_within_days: int


async def create_part(uow: UnitOfWork, cmd: NewPart) -> PartRow:
    if await uow.session.get(PartRow, cmd.sku) is not None:
        raise Conflict(f"Part {cmd.sku} exists already.", sku=cmd.sku)
    now = uow.now()
    row = PartRow(
        sku=cmd.sku,
        name=cmd.name,
        categories=sorted(set(cmd.categories)),
        models=sorted(set(cmd.models)),
        unit=cmd.unit,
        standard_cost=cmd.standard_cost,
        return_required=cmd.return_required,
        return_within_days=cmd.return_within_days,
        version=1,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(row)
    await uow.session.flush()
    return row


async def get_part(uow: UnitOfWork, sku: str, *, lock: bool = False) -> PartRow:
    row = await uow.session.get(PartRow, sku, with_for_update=lock)
    if row is None:
        raise NotFound(f"Part {sku} does not exist.")
    return row


async def update_part(
    uow: UnitOfWork, sku: str, changes: Mapping[str, Any], *, expected_version: int | None
) -> PartRow:
    row = await get_part(uow, sku, lock=True)
    check_version(expected_version, row.version)
    if not changes:
        return row
    for field, value in changes.items():
        if field in ("categories", "models"):
            value = sorted(set(value))
        setattr(row, field, value)
    row.version += 1
    row.updated_at = uow.now()
    await uow.session.flush()
    return row


async def list_parts(uow: UnitOfWork, *, category: str | None, model: str | None) -> list[PartRow]:
    stmt = select(PartRow).order_by(PartRow.sku)
    if category is not None:
        stmt = stmt.where(PartRow.categories.contains([category]))
    if model is not None:
        stmt = stmt.where(PartRow.models.contains([model]))
    return list((await uow.session.scalars(stmt)).all())


async def list_warehouses(uow: UnitOfWork) -> list[WarehouseRow]:
    return list((await uow.session.scalars(select(WarehouseRow).order_by(WarehouseRow.code))).all())


async def create_warehouse(
    uow: UnitOfWork, code: str, name: str, region: str | None
) -> WarehouseRow:
    taken = await uow.session.scalar(select(WarehouseRow.id).where(WarehouseRow.code == code))
    if taken is not None:
        raise Conflict(f"Warehouse {code} exists already.", existing_id=str(taken))
    row = WarehouseRow(id=uuid.uuid4(), code=code, name=name, region=region)
    uow.session.add(row)
    await uow.session.flush()
    return row


async def location_kind(uow: UnitOfWork, location_id: uuid.UUID) -> str:
    """``warehouse`` or ``point``; a 422 for anything else."""
    if await uow.session.get(WarehouseRow, location_id) is not None:
        return "warehouse"
    if await uow.session.get(PointRow, location_id) is not None:
        return "point"
    raise Unprocessable(
        f"Location {location_id} is neither a warehouse nor a network point.",
        location_id=str(location_id),
    )


async def check_skus(uow: UnitOfWork, skus: list[str]) -> None:
    known = set((await uow.session.scalars(select(PartRow.sku).where(PartRow.sku.in_(skus)))).all())
    unknown = sorted(set(skus) - known)
    if unknown:
        raise Unprocessable(f"Unknown SKU: {', '.join(unknown)}.", unknown=unknown)


async def _locked_level(uow: UnitOfWork, location_id: uuid.UUID, sku: str) -> StockLevelRow:
    await uow.session.execute(
        pg_insert(StockLevelRow)
        .values(location_id=location_id, sku=sku, on_hand=0, reserved=0, in_transit=0, version=0)
        .on_conflict_do_nothing(index_elements=["location_id", "sku"])
    )
    stmt = (
        select(StockLevelRow)
        .where(StockLevelRow.location_id == location_id, StockLevelRow.sku == sku)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await uow.session.scalars(stmt)).one()


MoveCommand = Callable[[UnitOfWork, str], Awaitable[list[StockMovementRow]]]


@dataclass(frozen=True)
class Move:
    location_id: uuid.UUID
    sku: str
    kind: str
    qty: int  # as given: positive, or signed for an adjustment
    reference: str | None = None
    reason: str | None = None
    job_id: uuid.UUID | None = None
    counterpart_id: uuid.UUID | None = None


async def record_moves(uow: UnitOfWork, moves: list[Move], *, actor: str) -> list[StockMovementRow]:
    """Apply the moves all or nothing: levels locked in (location, SKU) order."""
    now = uow.now()
    levels: dict[tuple[uuid.UUID, str], StockLevelRow] = {}
    for key in sorted({(m.location_id, m.sku) for m in moves}, key=lambda k: (str(k[0]), k[1])):
        levels[key] = await _locked_level(uow, *key)
    rows = []
    for m in moves:
        level = levels[(m.location_id, m.sku)]
        before = level.on_hand
        current = Level(level.on_hand, level.reserved, level.in_transit, level.shortfall)
        if m.kind == "issue" and m.job_id is not None:
            after = issue_to_job(current, m.qty)  # a field report is never refused
        else:
            after = apply(current, m.kind, m.qty, sku=m.sku, location=str(m.location_id))
        level.on_hand, level.shortfall = after.on_hand, after.shortfall
        level.version += 1
        level.updated_at = now
        row = StockMovementRow(
            id=uuid.uuid4(),
            location_id=m.location_id,
            sku=m.sku,
            kind=m.kind,
            qty=signed(m.kind, m.qty),
            on_hand_after=after.on_hand,
            shortfall_after=after.shortfall,
            reference=m.reference,
            reason=m.reason,
            job_id=m.job_id,
            counterpart_id=m.counterpart_id,
            actor=actor,
            at=now,
        )
        uow.session.add(row)
        rows.append(row)
        if crossed_below(before, after.on_hand, level.reorder_level):
            assert level.reorder_level is not None
            uow.publish(
                dispatch.StockBelowReorder(
                    location_id=m.location_id,
                    sku=m.sku,
                    on_hand=after.on_hand,
                    reorder_level=level.reorder_level,
                    at=now,
                ),
                aggregate_id=uuid.uuid5(STOCK_NAMESPACE, f"{m.location_id}/{m.sku}"),
                aggregate_version=level.version,
            )
    await uow.session.flush()
    return rows


async def receive(
    uow: UnitOfWork,
    location_id: uuid.UUID,
    lines: list[tuple[str, int]],
    reference: str | None,
    *,
    actor: str,
) -> list[StockMovementRow]:
    """Goods into a location (a warehouse's delivery, or a point's opening balance)."""
    check_lines(lines)
    await location_kind(uow, location_id)
    await check_skus(uow, [s for s, _ in lines])
    moves = [Move(location_id, sku, "receive", qty, reference=reference) for sku, qty in lines]
    return await record_moves(uow, moves, actor=actor)


async def transfer(
    uow: UnitOfWork,
    source: uuid.UUID,
    target: uuid.UUID,
    lines: list[tuple[str, int]],
    *,
    actor: str,
) -> list[StockMovementRow]:
    check_lines(lines)
    if source == target:
        raise Unprocessable("A transfer goes from one location to another.")
    await location_kind(uow, source)
    await location_kind(uow, target)
    await check_skus(uow, [s for s, _ in lines])
    moves = [
        m
        for sku, qty in lines
        for m in (
            Move(source, sku, "transfer_out", qty, counterpart_id=target),
            Move(target, sku, "transfer_in", qty, counterpart_id=source),
        )
    ]
    return await record_moves(uow, moves, actor=actor)


async def adjust(
    uow: UnitOfWork, location_id: uuid.UUID, sku: str, qty: int, reason: str, *, actor: str
) -> StockMovementRow:
    await location_kind(uow, location_id)
    await check_skus(uow, [sku])
    [row] = await record_moves(
        uow, [Move(location_id, sku, "adjust", qty, reason=reason)], actor=actor
    )
    return row


async def set_reorder_levels(
    uow: UnitOfWork, location_id: uuid.UUID, levels: Mapping[str, int | None]
) -> list[StockLevelRow]:
    """A level of ``null`` removes it. Setting a level does not publish a crossing: the next
    movement that takes the stock below it does."""
    await location_kind(uow, location_id)
    await check_skus(uow, list(levels))
    out = []
    for sku in sorted(levels):
        row = await _locked_level(uow, location_id, sku)
        row.reorder_level = levels[sku]
        row.version += 1
        row.updated_at = uow.now()
        out.append(row)
    await uow.session.flush()
    return out


async def issue_parts(
    uow: UnitOfWork,
    job_id: uuid.UUID,
    point_id: uuid.UUID,
    lines: list[tuple[str, int]],
    *,
    actor: str,
) -> list[StockMovementRow]:
    """Parts a technician reports on ``resolved_on_site`` or ``repaired``, from the point's
    stock. SKUs the parts master does not know are not tracked (the job still lists them)."""
    skus = [sku for sku, _ in lines]
    known = set((await uow.session.scalars(select(PartRow.sku).where(PartRow.sku.in_(skus)))).all())
    moves = [Move(point_id, sku, "issue", qty, job_id=job_id) for sku, qty in lines if sku in known]
    return await record_moves(uow, moves, actor=actor) if moves else []


async def parts_on_model(
    uow: UnitOfWork, skus: list[str], model: str | None
) -> dict[str, bool | None]:
    """Whether the parts master lists each part for ``model``: None where the model or the part
    is unknown, or the part names no model (it fits any)."""
    if not skus or not model:
        return {}
    rows = await uow.session.execute(
        select(PartRow.sku, PartRow.models).where(PartRow.sku.in_(skus))
    )
    return {sku: (model in models if models else None) for sku, models in rows.all()}


async def add_in_transit(
    uow: UnitOfWork, location_id: uuid.UUID, changes: Mapping[str, int]
) -> None:
    """Parts on their way to a location (shipped), or no longer (received)."""
    for sku in sorted(changes):
        level = await _locked_level(uow, location_id, sku)
        level.in_transit = max(level.in_transit + changes[sku], 0)
        level.version += 1
        level.updated_at = uow.now()
    await uow.session.flush()
