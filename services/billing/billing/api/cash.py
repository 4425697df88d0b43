"""Cash taken on site: what each technician and each partner's office holds, handing it over,
and a partner point's remittance to the company."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, confined_point, require_roles
from aftersales.events import Money
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.cash import CashRepository
from billing.adapters.repositories.facts import FactsRepository
from billing.api.deps import PolicyDep
from billing.api.presenters import cash_payment_out, handover_out, remittance_out
from billing.api.schemas.cash import (
    CashHandoverIn,
    CashHandoverOut,
    CashRemittanceIn,
    CashRemittanceOut,
    CashReport,
)
from billing.api.scope import Finance, actor_of, scope_of
from billing.domain.payments import outstanding as is_outstanding
from billing.use_cases import cash

router = APIRouter(tags=["cash"])

CashDesk = require_roles("admin", "finance", "point")


@router.post("/v1/cash-handovers", status_code=201, response_model=CashHandoverOut)
async def hand_over_cash(
    body: CashHandoverIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CashDesk,
) -> Response:
    """A technician hands the cash of these on-site payments to the cashier (finance) or to
    the point's office: each payment is handed over once. A company point's office receiving
    it ends it; a partner point owes it until finance records its remittance
    (`POST /v1/cash-remittances`), unless the cashier received it (the company has it)."""

    async def command(uow: UnitOfWork) -> CashHandoverOut:
        row = await cash.hand_over(
            uow,
            body.technician_id,
            body.payment_ids,
            scope=scope_of(principal),
            actor=actor_of(principal),
            policy=policy,
            to_company=principal.role in ("admin", "finance"),
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
    policy: PolicyDep,
    technician_id: uuid.UUID | None = None,
    point_id: uuid.UUID | None = None,
    outstanding: bool = Query(
        default=False,
        description="only cash the company does not have yet: held by a technician, or by a "
        "partner point's office until it is remitted",
    ),
    limit: int = Query(default=500, ge=1, le=5000),
    principal: Principal = CashDesk,
) -> CashReport:
    """Cash taken on site, by technician or point; `outstanding=true` for what is not yet the
    company's (a partner's office's cash included until it is remitted)."""
    point_id = confined_point(principal, point_id, what="cash")
    currency = policy.currency
    async with db.uow() as uow:
        partners = await FactsRepository(uow.session).partners()
        rows = await CashRepository(uow.session).payments(
            technician_id=technician_id,
            point_id=point_id,
            outstanding=outstanding,
            partners=partners,
            limit=limit,
        )
    items = [cash_payment_out(p, currency, partners) for p in rows]
    held = sum(p.amount.amount for p in items if is_outstanding(p.status))
    return CashReport(items=items, held=Money(amount=held, currency=currency))


@router.post("/v1/cash-remittances", status_code=201, response_model=CashRemittanceOut)
async def remit_cash(
    body: CashRemittanceIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """A partner point paid the company its technicians' cash: finance records the remittance
    of these payments (each once, all of that point's; a company point owes none). The point
    owes them no more, and the month's close does not net them."""

    async def command(uow: UnitOfWork) -> CashRemittanceOut:
        row = await cash.remit(
            uow,
            body.point_id,
            body.payment_ids,
            reference=body.reference,
            actor=actor_of(principal),
            policy=policy,
        )
        return remittance_out(row, body.payment_ids)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        audit=Audit("cash_remittance", "received"),
    )
