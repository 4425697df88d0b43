"""三包 refunds: their vouchers and paying them out; the staff penalty ledger."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.calendar import MONTH_PATTERN
from aftersales.events import Money
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.repositories.remedies import RemedyRepository
from billing.api.before import before_of
from billing.api.deps import PolicyDep
from billing.api.presenters import refund_out, staff_penalty_out
from billing.api.schemas.refunds import (
    RefundApprovalIn,
    RefundList,
    RefundOut,
    RefundPaymentIn,
    StaffPenaltyList,
)
from billing.api.scope import Finance, actor_of
from billing.use_cases import remedies

router = APIRouter(tags=["refunds"])


@router.get("/v1/refunds", response_model=RefundList)
async def list_refunds(
    db: DatabaseDep,
    status: str | None = Query(default=None, pattern="^(awaiting_approval|unpaid|paid)$"),
    limit: int = Query(default=200, ge=1, le=2000),
    principal: Principal = Finance,
) -> RefundList:
    """Refund vouchers (三包 refunds): waiting for finance's approval, payable (`unpaid`), or
    paid."""
    async with db.uow() as uow:
        rows = await RemedyRepository(uow.session).refunds(status=status, limit=limit)
    return RefundList(items=[refund_out(r) for r in rows])


@router.get("/v1/refunds/{refund_id}", response_model=RefundOut)
async def get_refund(
    refund_id: uuid.UUID, db: DatabaseDep, principal: Principal = Finance
) -> RefundOut:
    """One refund voucher."""
    async with db.uow() as uow:
        row = await RemedyRepository(uow.session).refund(refund_id)
    return refund_out(row)


@router.post("/v1/refunds/{refund_id}/pay", response_model=RefundOut)
async def pay_refund(
    refund_id: uuid.UUID,
    body: RefundPaymentIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """Pay the refund out to the customer (once) for its voucher's amount; one waiting for
    finance's approval is a 409 until it is approved."""

    async def command(uow: UnitOfWork) -> RefundOut:
        row = await remedies.pay_refund(
            uow, refund_id, method=body.method, reference=body.reference, actor=actor_of(principal)
        )
        return refund_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        status_code=200,
        audit=Audit("refund", "paid"),
    )


@router.post("/v1/refunds/{refund_id}/approve", response_model=RefundOut)
async def approve_refund(
    refund_id: uuid.UUID,
    body: RefundApprovalIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """Approve a refund that waits for it (no sale price recorded, or above
    `BILLING_REFUND_APPROVAL_ABOVE`) with the amount finance checked against the proof of
    sale: at most the refund decided and the recorded price (422 above either)."""

    async def command(uow: UnitOfWork) -> RefundOut:
        row = await remedies.approve_refund(
            uow,
            refund_id,
            amount=body.amount.amount,
            currency=body.amount.currency,
            note=body.note,
            actor=actor_of(principal),
        )
        return refund_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        status_code=200,
        audit=Audit(
            "refund",
            "approved",
            before=before_of(
                lambda uow: RemedyRepository(uow.session).refund(refund_id),
                lambda _uow, row: refund_out(row),
            ),
        ),
    )


@router.get("/v1/staff-penalties", response_model=StaffPenaltyList)
async def staff_penalties(
    db: DatabaseDep,
    policy: PolicyDep,
    technician_id: uuid.UUID | None = None,
    month: str | None = Query(default=None, pattern=MONTH_PATTERN),
    principal: Principal = Finance,
) -> StaffPenaltyList:
    """The penalty ledger: what each staff member was fined, and whether it also came off a
    partner point's settlement."""
    async with db.uow() as uow:
        rows = await FactsRepository(uow.session).staff_penalties(technician_id, month)
    currency = policy.currency
    return StaffPenaltyList(
        items=[staff_penalty_out(r) for r in rows],
        total=Money(amount=sum(r.amount for r in rows), currency=currency),
    )
