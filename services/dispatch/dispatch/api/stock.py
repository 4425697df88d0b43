"""Parts, warehouses and the stock ledger over HTTP (the warehouse side is the centre's)."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime

import orjson
from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, require_roles
from aftersales.errors import BadCursor, Forbidden, NotFound
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.stock import StockFilter, StockRepository
from dispatch.adapters.tables.parts import PartRow, WarehouseRow
from dispatch.adapters.tables.stock import StockLevelRow, StockMovementRow
from dispatch.api.schemas.common import SKU
from dispatch.api.schemas.parts import PartMasterIn, PartMasterOut, PartMasterPatch
from dispatch.api.schemas.stock import (
    AdjustmentIn,
    MovementOut,
    ReceiptIn,
    ReorderLevelsIn,
    StockLevelOut,
    TransferIn,
    WarehouseIn,
    WarehouseOut,
)
from dispatch.api.scope import Admin
from dispatch.use_cases import stock as use_cases

router = APIRouter(tags=["parts and stock"])

Readers = require_roles("admin", "finance", "agent", "point", "technician")
Warehouse = require_roles("admin", "agent")
Keepers = require_roles("admin", "finance")
StockReaders = require_roles("admin", "finance", "agent", "point")


def part_out(row: PartRow) -> PartMasterOut:
    return PartMasterOut(
        sku=row.sku,
        name=row.name,
        categories=row.categories,
        models=row.models,
        unit=row.unit,
        standard_cost=row.standard_cost,
        return_required=row.return_required,
        return_within_days=row.return_within_days,
        version=row.version,
    )


def warehouse_out(row: WarehouseRow) -> WarehouseOut:
    return WarehouseOut(id=row.id, code=row.code, name=row.name, region=row.region)


def level_out(row: StockLevelRow) -> StockLevelOut:
    below = row.reorder_level is not None and row.on_hand < row.reorder_level
    return StockLevelOut(
        location_id=row.location_id,
        sku=row.sku,
        on_hand=row.on_hand,
        reserved=row.reserved,
        in_transit=row.in_transit,
        shortfall=row.shortfall,
        reorder_level=row.reorder_level,
        below_reorder=below,
    )


def movement_out(row: StockMovementRow) -> MovementOut:
    return MovementOut(
        id=row.id,
        location_id=row.location_id,
        sku=row.sku,
        kind=row.kind,
        qty=row.qty,
        on_hand_after=row.on_hand_after,
        shortfall_after=row.shortfall_after,
        reference=row.reference,
        reason=row.reason,
        job_id=row.job_id,
        counterpart_id=row.counterpart_id,
        actor=row.actor,
        at=row.at,
    )


def _own_locations(principal: Principal) -> list[uuid.UUID] | None:
    """A point sees only its own stock; the network's staff every location."""
    if principal.role == "point":
        return [principal.point_id] if principal.point_id else []
    return None


# -- parts -------------------------------------------------------------------------------


@router.post("/v1/parts", status_code=201, response_model=PartMasterOut)
async def create_part(
    body: PartMasterIn, request: Request, db: DatabaseDep, principal: Principal = Admin
) -> Response:
    """Add a part to the master (SKU, name, unit, reorder level)."""
    cmd = use_cases.NewPart(**body.model_dump())

    async def command(uow: UnitOfWork) -> PartMasterOut:
        return part_out(await use_cases.create_part(uow, cmd))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=201,
        headers_for=lambda p: {"Location": f"/v1/parts/{p.sku}"},  # type: ignore[attr-defined]
        audit=Audit("part", "created", object_id=body.sku),
    )


@router.get("/v1/parts", response_model=list[PartMasterOut])
async def list_parts(
    db: DatabaseDep,
    category: str | None = Query(default=None, max_length=60),
    model: str | None = Query(default=None, max_length=100),
    principal: Principal = Readers,
) -> list[PartMasterOut]:
    """The parts master, optionally those that fit a category or model."""
    async with db.uow() as uow:
        rows = await use_cases.list_parts(uow, category=category, model=model)
    return [part_out(r) for r in rows]


@router.get("/v1/parts/{sku}", response_model=PartMasterOut)
async def get_part(
    db: DatabaseDep,
    response: Response,
    sku: str = Path(pattern=SKU),
    principal: Principal = Readers,
) -> PartMasterOut:
    """One part of the master."""
    async with db.uow() as uow:
        row = await use_cases.get_part(uow, sku)
    response.headers["ETag"] = etag_of(row.version)
    return part_out(row)


@router.patch("/v1/parts/{sku}", response_model=PartMasterOut)
async def patch_part(
    body: PartMasterPatch,
    request: Request,
    db: DatabaseDep,
    sku: str = Path(pattern=SKU),
    principal: Principal = Keepers,
) -> Response:
    """``admin`` keeps the master; ``finance`` keeps the standard cost (and only that)."""
    changes = body.model_dump(exclude_unset=True)
    if principal.role == "finance" and set(changes) - {"standard_cost"}:
        raise Forbidden("finance may change only standard_cost.")
    expected = expected_version(request, required=False)

    async def command(uow: UnitOfWork) -> PartMasterOut:
        row = await use_cases.update_part(uow, sku, changes, expected_version=expected)
        return part_out(row)

    async def before(uow: UnitOfWork) -> PartMasterOut:
        return part_out(await use_cases.get_part(uow, sku))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=lambda p: {"ETag": etag_of(p.version)},  # type: ignore[attr-defined]
        audit=Audit("part", "updated", before=before, object_id=sku),
    )


# -- warehouses --------------------------------------------------------------------------


@router.post("/v1/warehouses", status_code=201, response_model=WarehouseOut)
async def create_warehouse(
    body: WarehouseIn, request: Request, db: DatabaseDep, principal: Principal = Admin
) -> Response:
    """A warehouse that holds stock (points hold stock of their own)."""

    async def command(uow: UnitOfWork) -> WarehouseOut:
        row = await use_cases.create_warehouse(uow, body.code, body.name, body.region)
        return warehouse_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=201,
        audit=Audit("warehouse", "created"),
    )


@router.get("/v1/warehouses", response_model=list[WarehouseOut])
async def list_warehouses(
    db: DatabaseDep, principal: Principal = StockReaders
) -> list[WarehouseOut]:
    """The warehouses."""
    async with db.uow() as uow:
        rows = await use_cases.list_warehouses(uow)
    return [warehouse_out(r) for r in rows]


# -- stock -------------------------------------------------------------------------------


def _encode(key: tuple[str, str]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(list(key))).decode().rstrip("=")


def _decode(cursor: str) -> tuple[str, str]:
    try:
        location, sku = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return str(uuid.UUID(location)), str(sku)
    except Exception as exc:
        raise BadCursor("The cursor is not one this API issued.") from exc


def _where(
    principal: Principal,
    location_id: uuid.UUID | None,
    sku: str | None,
    below: bool = False,
    shortfall: bool = False,
) -> StockFilter:
    own = _own_locations(principal)
    if own is not None and location_id is not None and location_id not in own:
        raise NotFound(f"Location {location_id} does not exist.")
    return StockFilter(
        locations=own,
        location_id=location_id,
        sku=sku,
        below_reorder=below,
        shortfall=shortfall,
    )


@router.get("/v1/stock", response_model=Page[StockLevelOut])
async def stock_levels(
    db: DatabaseDep,
    location_id: uuid.UUID | None = None,
    sku: str | None = Query(default=None, pattern=SKU),
    below_reorder: bool = False,
    shortfall: bool = Query(default=False, description="only what a point owes its books"),
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = StockReaders,
) -> Page[StockLevelOut]:
    """What each location holds of each SKU (a point token: its own stock only)."""
    where = _where(principal, location_id, sku, below_reorder, shortfall)
    after = _decode(cursor) if cursor else None
    async with db.uow() as uow:
        rows = await StockRepository(uow.session).levels(where, after=after, limit=limit)
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = _encode((str(rows[-1].location_id), rows[-1].sku))
    return Page[StockLevelOut](items=[level_out(r) for r in rows], next_cursor=next_cursor)


@router.get("/v1/stock/movements", response_model=Page[MovementOut])
async def stock_movements(
    db: DatabaseDep,
    location_id: uuid.UUID | None = None,
    sku: str | None = Query(default=None, pattern=SKU),
    start: datetime | None = Query(default=None, alias="from"),
    end: datetime | None = Query(default=None, alias="to"),
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = StockReaders,
) -> Page[MovementOut]:
    """Every receipt, transfer, issue and adjustment of a location, newest first."""
    where = _where(principal, location_id, sku)
    async with db.uow() as uow:
        rows, next_cursor = await StockRepository(uow.session).movements(
            where, start=start, end=end, cursor=cursor, limit=limit
        )
    return Page[MovementOut](items=[movement_out(r) for r in rows], next_cursor=next_cursor)


async def _moves(
    request: Request,
    db: DatabaseDep,
    principal: Principal,
    act: use_cases.MoveCommand,
    object_id: str,
    action: str,
) -> Response:
    async def command(uow: UnitOfWork) -> Page[MovementOut]:
        rows = await act(uow, principal.actor)
        return Page[MovementOut](items=[movement_out(r) for r in rows])

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=201,
        audit=Audit("stock", action, object_id=object_id),
    )


@router.post("/v1/stock/receipts", status_code=201, response_model=Page[MovementOut])
async def receive_stock(
    body: ReceiptIn, request: Request, db: DatabaseDep, principal: Principal = Warehouse
) -> Response:
    """Goods into a location: a warehouse's delivery, or a point's opening balance."""
    lines = [(line.sku, line.qty) for line in body.lines]
    return await _moves(
        request,
        db,
        principal,
        lambda uow, actor: use_cases.receive(
            uow, body.location_id, lines, body.reference, actor=actor
        ),
        str(body.location_id),
        "received",
    )


@router.post("/v1/stock/transfers", status_code=201, response_model=Page[MovementOut])
async def transfer_stock(
    body: TransferIn, request: Request, db: DatabaseDep, principal: Principal = Warehouse
) -> Response:
    """Move stock between locations in one transaction; a shortfall is a 409 that names it."""
    lines = [(line.sku, line.qty) for line in body.lines]
    return await _moves(
        request,
        db,
        principal,
        lambda uow, actor: use_cases.transfer(
            uow, body.from_location_id, body.to_location_id, lines, actor=actor
        ),
        f"{body.from_location_id}->{body.to_location_id}",
        "transferred",
    )


@router.post("/v1/stock/adjustments", status_code=201, response_model=Page[MovementOut])
async def adjust_stock(
    body: AdjustmentIn, request: Request, db: DatabaseDep, principal: Principal = Admin
) -> Response:
    """A counted difference (signed), with the reason; audited."""

    async def act(uow: UnitOfWork, actor: str) -> list[StockMovementRow]:
        row = await use_cases.adjust(
            uow, body.location_id, body.sku, body.qty, body.reason, actor=actor
        )
        return [row]

    return await _moves(request, db, principal, act, str(body.location_id), "adjusted")


@router.put("/v1/stock/reorder-levels", response_model=Page[StockLevelOut])
async def reorder_levels(
    body: ReorderLevelsIn, request: Request, db: DatabaseDep, principal: Principal = Warehouse
) -> Response:
    """Below its level, a SKU shows in ``GET /v1/stock?below_reorder=true``; the movement that
    crosses it publishes ``dispatch.stock.below_reorder.v1`` once."""

    async def command(uow: UnitOfWork) -> Page[StockLevelOut]:
        rows = await use_cases.set_reorder_levels(uow, body.location_id, body.levels)
        return Page[StockLevelOut](items=[level_out(r) for r in rows])

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        audit=Audit("stock", "reorder_levels_set", object_id=str(body.location_id)),
    )
