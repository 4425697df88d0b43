"""Requisitions (零件請購) over HTTP: a point asks and receives; the warehouse side (the
centre) approves, ships or rejects."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, require_roles
from aftersales.errors import Unprocessable
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey
from aftersales.http.pagination import Limit
from dispatch.adapters.tables.requisitions import RequisitionRow
from dispatch.api.commands import Trail, step
from dispatch.api.schemas.jobs import RejectIn
from dispatch.api.schemas.requisitions import (
    ApproveIn,
    ReceiveIn,
    RequisitionIn,
    RequisitionLineOut,
    RequisitionOut,
    ShipIn,
)
from dispatch.api.scope import CentreOrPoint, scope_of
from dispatch.use_cases import requisitions as use_cases

router = APIRouter(prefix="/v1/requisitions", tags=["requisitions"])
Warehouse = require_roles("admin", "agent")
Status = Literal["requested", "approved", "shipped", "received", "rejected", "cancelled"]


def requisition_out(row: RequisitionRow) -> RequisitionOut:
    return RequisitionOut(
        id=row.id,
        point_id=row.point_id,
        job_id=row.job_id,
        urgent=row.urgent,
        status=row.status,
        lines=[RequisitionLineOut(**line) for line in row.lines],
        from_location_id=row.from_location_id,
        carrier=row.carrier,
        tracking_no=row.tracking_no,
        reason=row.reason,
        requested_by=row.requested_by,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


_audit = Trail(
    "requisition",
    lambda uow, requisition_id, scope: use_cases.get(uow, requisition_id, scope=scope),
    requisition_out,
).audit


@router.post("", status_code=201, response_model=RequisitionOut)
async def request_requisition(
    body: RequisitionIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CentreOrPoint,
) -> Response:
    """A point asks for parts (``urgent``, and the ``job_id`` waiting for them, optional).
    Safe to retry with an ``Idempotency-Key``: the same key and body make one requisition."""
    point_id = principal.point_id if principal.role == "point" else body.point_id
    if point_id is None:
        raise Unprocessable("point_id: the point the parts are for.")
    cmd = use_cases.NewRequisition(
        point_id=point_id,
        lines=[(line.sku, line.qty) for line in body.lines],
        urgent=body.urgent,
        job_id=body.job_id,
    )
    scope = scope_of(principal)
    return await step(
        request,
        db,
        principal,
        requisition_out,
        lambda uow: use_cases.request(uow, cmd, scope=scope, actor=principal.actor),
        key=idempotency_key,
        body=body,
        status_code=201,
        audit=Audit("requisition", "requested"),
    )


@router.get("", response_model=list[RequisitionOut])
async def list_requisitions(
    db: DatabaseDep,
    point_id: uuid.UUID | None = None,
    status: Status | None = None,
    limit: Limit = 50,
    principal: Principal = CentreOrPoint,
) -> list[RequisitionOut]:
    """Newest first; a point sees only its own."""
    async with db.uow() as uow:
        rows = await use_cases.page(
            uow, scope=scope_of(principal), point_id=point_id, status=status, limit=limit
        )
    return [requisition_out(r) for r in rows]


@router.get("/{requisition_id}", response_model=RequisitionOut)
async def get_requisition(
    requisition_id: uuid.UUID, db: DatabaseDep, principal: Principal = CentreOrPoint
) -> RequisitionOut:
    """One parts requisition with its lines and status."""
    async with db.uow() as uow:
        row = await use_cases.get(uow, requisition_id, scope=scope_of(principal))
    return requisition_out(row)


@router.post("/{requisition_id}/approve", response_model=RequisitionOut)
async def approve_requisition(
    requisition_id: uuid.UUID,
    body: ApproveIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Warehouse,
) -> Response:
    """Approve each line fully or partly (0 leaves it out)."""
    lines = {line.sku: line.qty for line in body.lines}
    return await step(
        request,
        db,
        principal,
        requisition_out,
        lambda uow: use_cases.approve(uow, requisition_id, lines, scope=scope_of(principal)),
        audit=_audit("approved", requisition_id, scope_of(principal)),
    )


@router.post("/{requisition_id}/ship", response_model=RequisitionOut)
async def ship_requisition(
    requisition_id: uuid.UUID,
    body: ShipIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Warehouse,
) -> Response:
    """Out of the warehouse (409 naming any shortfall), in transit to the point."""
    return await step(
        request,
        db,
        principal,
        requisition_out,
        lambda uow: use_cases.ship(
            uow,
            requisition_id,
            body.from_location_id,
            body.carrier,
            body.tracking_no,
            scope=scope_of(principal),
            actor=principal.actor,
        ),
        audit=_audit("shipped", requisition_id, scope_of(principal)),
    )


@router.post("/{requisition_id}/receive", response_model=RequisitionOut)
async def receive_requisition(
    requisition_id: uuid.UUID,
    body: ReceiveIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = CentreOrPoint,
) -> Response:
    """Into the point's stock; more than was shipped is a 422."""
    lines = {line.sku: line.qty for line in body.lines}
    return await step(
        request,
        db,
        principal,
        requisition_out,
        lambda uow: use_cases.receive(
            uow, requisition_id, lines, scope=scope_of(principal), actor=principal.actor
        ),
        audit=_audit("received", requisition_id, scope_of(principal)),
    )


@router.post("/{requisition_id}/reject", response_model=RequisitionOut)
async def reject_requisition(
    requisition_id: uuid.UUID,
    body: RejectIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Warehouse,
) -> Response:
    """Refuse a requisition, with the reason."""
    return await step(
        request,
        db,
        principal,
        requisition_out,
        lambda uow: use_cases.reject(uow, requisition_id, body.reason, scope=scope_of(principal)),
        audit=_audit("rejected", requisition_id, scope_of(principal)),
    )


@router.post("/{requisition_id}/cancel", response_model=RequisitionOut)
async def cancel_requisition(
    requisition_id: uuid.UUID,
    request: Request,
    db: DatabaseDep,
    principal: Principal = CentreOrPoint,
) -> Response:
    """The requesting point withdraws its requisition before it ships."""
    return await step(
        request,
        db,
        principal,
        requisition_out,
        lambda uow: use_cases.cancel(uow, requisition_id, scope=scope_of(principal)),
        audit=_audit("cancelled", requisition_id, scope_of(principal)),
    )
