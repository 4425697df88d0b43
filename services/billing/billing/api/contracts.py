from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.db import UnitOfWork
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from billing.adapters.repositories import ContractRepository
from billing.api.presenters import contract_out
from billing.api.schemas import ContractIn, ContractOut
from billing.api.scope import Centre, Finance
from billing.use_cases.contracts import NewContract, create_contract

router = APIRouter(prefix="/v1/contracts", tags=["contracts"])


@router.post("", status_code=201, response_model=ContractOut)
async def register_contract(
    body: ContractIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    cmd = NewContract(
        contract_no=body.contract_no,
        customer_id=body.customer_id,
        product_ids=body.product_ids,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        covers_labour=body.covers.labor,
        covers_parts=body.covers.parts,
        covers_travel=body.covers.travel,
        visits_included=body.visits_included,
    )

    async def command(uow: UnitOfWork) -> ContractOut:
        row = await create_contract(uow, cmd)
        return contract_out(row, cmd.product_ids)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda c: {"Location": f"/v1/contracts/{c.id}"},  # type: ignore[attr-defined]
        audit=Audit("contract", "registered"),
    )


@router.get("", response_model=Page[ContractOut])
async def list_contracts(
    db: DatabaseDep,
    customer_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Centre,
) -> Page[ContractOut]:
    async with db.uow() as uow:
        repo = ContractRepository(uow.session)
        rows, next_cursor = await repo.page(customer_id=customer_id, cursor=cursor, limit=limit)
        items = [contract_out(r, await repo.products(r.id)) for r in rows]
    return Page[ContractOut](items=items, next_cursor=next_cursor)


@router.get("/{contract_id}", response_model=ContractOut)
async def get_contract(
    contract_id: uuid.UUID, db: DatabaseDep, principal: Principal = Centre
) -> ContractOut:
    async with db.uow() as uow:
        repo = ContractRepository(uow.session)
        row = await repo.get(contract_id)
        return contract_out(row, await repo.products(row.id))
