"""Deliveries promised by distance (clause 5): finance waives a late delivery's compensation
when it accepts an outside cause. The compensation itself is credited by billing when dispatch
reports the delivery (``billing.use_cases.deliveries``)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.api.before import before_of
from billing.api.charges import present
from billing.api.deps import PolicyDep
from billing.api.schemas.charges import CorrectionOut, DeliveryWaiverIn
from billing.api.scope import Finance, actor_of
from billing.use_cases import deliveries

router = APIRouter(prefix="/v1/charges", tags=["charges"])


@router.post("/{charge_id}/delivery-compensation/waive", response_model=CorrectionOut)
async def waive_delivery_compensation(
    charge_id: uuid.UUID,
    body: DeliveryWaiverIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """Finance accepts an outside cause for a parts order's late delivery (`weather`,
    `carrier_force_majeure`, `customer_absent`): the customer owes the compensation credited
    for it back (a supplementary charge). A charge with no delivery compensation, or one waived
    already, is a 409; any other cause a 422."""

    async def command(uow: UnitOfWork) -> CorrectionOut:
        row, extra = await deliveries.waive_delivery_compensation(
            uow,
            charge_id,
            cause=body.cause,
            reason=body.reason,
            actor=actor_of(principal),
            policy=policy,
        )
        return CorrectionOut(
            charge=await present(uow, row), supplementary_charge=await present(uow, extra)
        )

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        status_code=200,
        audit=Audit(
            "charge",
            "delivery compensation waived",
            before=before_of(lambda uow: ChargeRepository(uow.session).get(charge_id), present),
            object_id=str(charge_id),
            extra={"cause": body.cause},
        ),
    )
