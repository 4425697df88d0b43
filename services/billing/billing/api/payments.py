"""Payments of charges as finance sees them: the non-cash ones technicians recorded, and matching
them to the provider's statement."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.events import Money
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.payments import PaymentFilter, PaymentRepository
from billing.api.deps import PolicyDep
from billing.api.presenters import ledger_payment_out, reconciliation_out
from billing.api.schemas.payments import PaymentList, ReconcileIn, ReconciliationOut
from billing.api.scope import Finance, actor_of
from billing.use_cases import reconciliation

router = APIRouter(prefix="/v1/payments", tags=["payments"])


@router.get("", response_model=PaymentList)
async def list_payments(
    db: DatabaseDep,
    policy: PolicyDep,
    unreconciled: bool | None = Query(
        default=None,
        description="true: card, transfer and wallet payments technicians recorded that finance "
        "has not matched to the provider's statement yet; false: those it has",
    ),
    method: str | None = Query(default=None, pattern="^(cash|card|transfer|wallet)$"),
    point_id: uuid.UUID | None = None,
    technician_id: uuid.UUID | None = None,
    reference: str | None = Query(default=None, min_length=1, max_length=100),
    limit: int = Query(default=500, ge=1, le=5000),
    principal: Principal = Finance,
) -> PaymentList:
    """Payments of charges, oldest first, with the charge's point and technician; one left
    unreconciled too long shows the month its partner point was deducted for it."""
    currency = policy.currency
    where = PaymentFilter(
        unreconciled=unreconciled,
        method=method,
        point_id=point_id,
        technician_id=technician_id,
        reference=reference,
    )
    async with db.uow() as uow:
        rows = await PaymentRepository(uow.session).listed(where, limit=limit)
    items = [ledger_payment_out(p, tech, currency) for p, tech in rows]
    return PaymentList(
        items=items, total=Money(amount=sum(p.amount for p, _ in rows), currency=currency)
    )


@router.post("/reconcile", status_code=200, response_model=ReconciliationOut)
async def reconcile_payments(
    body: ReconcileIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """Match payments to the provider's statement by their references (one, or a statement's
    worth), each with the amount the statement shows. All or nothing: an unknown reference or
    a different amount is a 422, a payment reconciled already a 409, and nothing changes. A
    payment its partner point was deducted for is given back in the first open month."""

    async def command(uow: UnitOfWork) -> ReconciliationOut:
        done = await reconciliation.reconcile(
            uow,
            method=body.method,
            statement_ref=body.statement_ref,
            lines=[
                reconciliation.StatementLine(
                    line.reference, line.amount.amount, line.amount.currency
                )
                for line in body.payments
            ],
            actor=actor_of(principal),
            policy=policy,
        )
        currency = done.row.currency
        technicians = await PaymentRepository(uow.session).technicians_of(
            [p.charge_id for p in done.payments]
        )
        return reconciliation_out(
            done.row,
            [ledger_payment_out(p, technicians.get(p.charge_id), currency) for p in done.payments],
            done.reversed_in,
        )

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        status_code=200,
        audit=Audit("reconciliation", "made"),
    )
