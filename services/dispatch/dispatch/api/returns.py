"""Defective part returns (旧件返还): a point ships them back, the warehouse receives them."""

from __future__ import annotations

import uuid
from datetime import datetime
from functools import partial
from typing import Literal

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, require_roles
from aftersales.http.deps import ClockDep, DatabaseDep
from aftersales.http.pagination import Limit
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.tables.returns import PartReturnRow
from dispatch.api.commands import Trail, step
from dispatch.api.schemas.returns import PartReturnOut, ReturnReceiveIn, ReturnShipIn
from dispatch.api.scope import CentreOrPoint, scope_of
from dispatch.use_cases import returns as use_cases

router = APIRouter(prefix="/v1/returns", tags=["part returns"])
Warehouse = require_roles("admin", "agent")


def return_out(row: PartReturnRow, *, now: datetime) -> PartReturnOut:
    """The return as it stands at ``now`` (the service's clock): overdue or not."""
    overdue = row.status != "received" and row.due_at < now
    return PartReturnOut(
        id=row.id,
        job_id=row.job_id,
        ticket_id=row.ticket_id,
        point_id=row.point_id,
        sku=row.sku,
        qty=row.qty,
        service_class=row.service_class,
        status=row.status,
        due_at=row.due_at,
        overdue=overdue,
        carrier=row.carrier,
        tracking_no=row.tracking_no,
        shipped_at=row.shipped_at,
        received_at=row.received_at,
        condition=row.condition,
        version=row.version,
    )


def _audit(action: str, return_id: uuid.UUID, scope: Scope, now: datetime) -> Audit:
    return Trail(
        "part_return",
        lambda uow, return_id, scope: use_cases.get(uow, return_id, scope=scope),
        partial(return_out, now=now),
    ).audit(action, return_id, scope)


@router.get("", response_model=list[PartReturnOut])
async def list_returns(
    db: DatabaseDep,
    clock: ClockDep,
    point_id: uuid.UUID | None = None,
    status: Literal["due", "shipped", "received"] | None = None,
    limit: Limit = 50,
    principal: Principal = CentreOrPoint,
) -> list[PartReturnOut]:
    """Oldest due first; a point sees only its own."""
    async with db.uow() as uow:
        rows = await use_cases.page(
            uow, scope=scope_of(principal), point_id=point_id, status=status, limit=limit
        )
    now = clock.now()
    return [return_out(r, now=now) for r in rows]


@router.post("/{return_id}/ship", response_model=PartReturnOut)
async def ship_return(
    return_id: uuid.UUID,
    body: ReturnShipIn,
    request: Request,
    db: DatabaseDep,
    clock: ClockDep,
    principal: Principal = CentreOrPoint,
) -> Response:
    """The point sends the defective part back (carrier, tracking number)."""
    return await step(
        request,
        db,
        principal,
        partial(return_out, now=clock.now()),
        lambda uow: use_cases.ship(
            uow, return_id, body.carrier, body.tracking_no, scope=scope_of(principal)
        ),
        audit=_audit("shipped", return_id, scope_of(principal), clock.now()),
    )


@router.post("/{return_id}/receive", response_model=PartReturnOut)
async def receive_return(
    return_id: uuid.UUID,
    body: ReturnReceiveIn,
    request: Request,
    db: DatabaseDep,
    clock: ClockDep,
    principal: Principal = Warehouse,
) -> Response:
    """The warehouse has the part, and says what it found (``condition``)."""
    return await step(
        request,
        db,
        principal,
        partial(return_out, now=clock.now()),
        lambda uow: use_cases.receive(uow, return_id, body.condition, scope=scope_of(principal)),
        audit=_audit("received", return_id, scope_of(principal), clock.now()),
    )
