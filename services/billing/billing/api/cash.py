"""Cash taken on site: what each technician holds, and handing it over to the cashier."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, confined_point, require_roles
from aftersales.db import UnitOfWork
from aftersales.events import Money
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from billing.adapters.repositories import CashRepository
from billing.api.presenters import cash_payment_out, handover_out
from billing.api.schemas import CashHandoverIn, CashHandoverOut, CashReport
from billing.api.scope import actor_of, scope_of
from billing.use_cases import cash
from billing.use_cases.policy import policy_of_settings

router = APIRouter(tags=["cash"])

CashDesk = require_roles("admin", "finance", "point")


@router.post("/v1/cash-handovers", status_code=201, response_model=CashHandoverOut)
async def hand_over_cash(
    body: CashHandoverIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CashDesk,
) -> Response:
    """A technician hands the cash of these on-site payments to the cashier (finance) or to
    the point's office: each payment is handed over once."""

    async def command(uow: UnitOfWork) -> CashHandoverOut:
        row = await cash.hand_over(
            uow,
            body.technician_id,
            body.payment_ids,
            scope=scope_of(principal),
            actor=actor_of(principal),
        )
        return handover_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        audit=Audit("cash_handover", "received"),
    )


@router.get("/v1/cash", response_model=CashReport)
async def cash_on_site(
    db: DatabaseDep,
    technician_id: uuid.UUID | None = None,
    point_id: uuid.UUID | None = None,
    outstanding: bool = Query(default=False, description="only cash still held"),
    limit: int = Query(default=500, ge=1, le=5000),
    principal: Principal = CashDesk,
) -> CashReport:
    """Cash taken on site, by technician or point; `outstanding=true` for what is not handed over
    yet."""
    point_id = confined_point(principal, point_id, what="cash")
    currency = policy_of_settings(db).currency
    async with db.uow() as uow:
        rows = await CashRepository(uow.session).payments(
            technician_id=technician_id, point_id=point_id, outstanding=outstanding, limit=limit
        )
    held = sum(p.amount for p in rows if p.handover_id is None and p.netted_month is None)
    return CashReport(
        items=[cash_payment_out(p, currency) for p in rows],
        held=Money(amount=held, currency=currency),
    )
