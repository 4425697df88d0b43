"""Customers' paid parts orders (有償訂貨), shipped by the warehouse within two days of payment."""

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
from aftersales.http.idempotency import IdempotencyKey
from aftersales.http.pagination import Limit
from dispatch.adapters.tables.parts_orders import PartsOrderRow
from dispatch.api.commands import Trail, step
from dispatch.api.deps import PolicyDep
from dispatch.api.schemas.parts_orders import DeliveredIn, OrderLineOut, PartsOrderOut
from dispatch.api.schemas.requisitions import ShipIn
from dispatch.use_cases import parts_orders as use_cases

router = APIRouter(prefix="/v1/parts-orders", tags=["parts orders"])
Warehouse = require_roles("admin", "agent")


def order_out(row: PartsOrderRow, *, now: datetime) -> PartsOrderOut:
    """The order as the warehouse sees it at ``now`` (the service's clock): overdue or not."""
    overdue = row.status == "paid" and row.ship_by is not None and row.ship_by < now
    return PartsOrderOut(
        id=row.ticket_id,
        number=row.number,
        status=row.status,  # type: ignore[arg-type]
        lines=[OrderLineOut(**line) for line in row.lines],
        customer=row.customer,
        ship_to=row.ship_to,
        paid_at=row.paid_at,
        ship_by=row.ship_by,
        overdue=overdue,
        from_location_id=row.from_location_id,
        carrier=row.carrier,
        tracking_no=row.tracking_no,
        shipped_at=row.shipped_at,
        promised_by=row.promised_by,
        promise_days=row.promise_days,
        promise_basis=row.promise_basis,
        delivered_at=row.delivered_at,
        days_late=row.days_late,
        version=row.version,
    )


# Only the warehouse moves an order, so it reads any. The customer and the address do not
# change, so the trail holds neither.
def _audit(action: str, order_id: uuid.UUID, now: datetime) -> Audit:
    return Trail(
        "parts_order",
        lambda uow, order_id, _scope: use_cases.get(uow, order_id),
        partial(order_out, now=now),
    ).audit(action, order_id)


@router.get("", response_model=list[PartsOrderOut])
async def list_parts_orders(
    db: DatabaseDep,
    clock: ClockDep,
    status: Literal["awaiting_payment", "paid", "shipped", "delivered", "cancelled"] | None = None,
    limit: Limit = 50,
    principal: Principal = Warehouse,
) -> list[PartsOrderOut]:
    """Earliest shipping deadline first (``?status=paid``: the warehouse's work list)."""
    async with db.uow() as uow:
        rows = await use_cases.page(uow, status=status, limit=limit)
    now = clock.now()
    return [order_out(r, now=now) for r in rows]


@router.get("/{order_id}", response_model=PartsOrderOut)
async def get_order(
    order_id: uuid.UUID, db: DatabaseDep, clock: ClockDep, principal: Principal = Warehouse
) -> PartsOrderOut:
    """One customer parts order at the warehouse: lines, payment known, shipping."""
    async with db.uow() as uow:
        return order_out(await use_cases.get(uow, order_id), now=clock.now())


@router.post("/{order_id}/ship", response_model=PartsOrderOut)
async def ship_parts_order(
    order_id: uuid.UUID,
    body: ShipIn,
    request: Request,
    db: DatabaseDep,
    clock: ClockDep,
    policy: PolicyDep,
    principal: Principal = Warehouse,
) -> Response:
    """Out of the warehouse's stock (409 naming any shortfall) to the customer, with the
    arrival promised by distance (`promised_by`, from the delivery bands)."""
    return await step(
        request,
        db,
        principal,
        partial(order_out, now=clock.now()),
        lambda uow: use_cases.ship(
            uow,
            order_id,
            body.from_location_id,
            body.carrier,
            body.tracking_no,
            actor=principal.actor,
            policy=policy,
        ),
        audit=_audit("shipped", order_id, clock.now()),
    )


@router.post("/{order_id}/delivered", response_model=PartsOrderOut)
async def mark_parts_order_delivered(
    order_id: uuid.UUID,
    request: Request,
    db: DatabaseDep,
    clock: ClockDep,
    policy: PolicyDep,
    body: DeliveredIn | None = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Warehouse,
) -> Response:
    """The carrier delivered it (now, or at `at`): the ticket closes (`closure_reason:
    delivered`), and `days_late` counts the calendar days past `promised_by`."""
    at = body.at if body is not None else None
    return await step(
        request,
        db,
        principal,
        partial(order_out, now=clock.now()),
        lambda uow: use_cases.delivered(uow, order_id, at=at, policy=policy),
        key=idempotency_key,
        body=body,
        audit=_audit("delivered", order_id, clock.now()),
    )
