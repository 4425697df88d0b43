from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.contracts import ContractRepository
from billing.api.deps import PolicyDep
from billing.api.presenters import contract_invoice_out, contract_out, planned_visit_out
from billing.api.schemas.contracts import (
    ContractDetail,
    ContractIn,
    ContractInvoiceOut,
    ContractOut,
    ContractPaymentIn,
    RenewalIn,
)
from billing.api.scope import Centre, Finance, actor_of
from billing.use_cases import contracts
from billing.use_cases.contracts import NewContract, Renewal, create_contract
from billing.use_cases.payments import Payment

router = APIRouter(prefix="/v1/contracts", tags=["contracts"])


@router.post("", status_code=201, response_model=ContractOut)
async def register_contract(
    body: ContractIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """A service contract (class B) for a customer's products: what it covers, visits included, fee
    and schedule, planned maintenance visits."""
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
        fee=body.fee,
        currency=body.currency,
        schedule=body.schedule,
        maintenance_visits_per_year=body.maintenance_visits_per_year,
    )

    async def command(uow: UnitOfWork) -> ContractOut:
        row = await create_contract(uow, cmd, policy=policy)
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
    """Contracts, filtered by customer or product."""
    async with db.uow() as uow:
        repo = ContractRepository(uow.session)
        rows, next_cursor = await repo.page(customer_id=customer_id, cursor=cursor, limit=limit)
        items = [contract_out(r, await repo.products(r.id)) for r in rows]
    return Page[ContractOut](items=items, next_cursor=next_cursor)


@router.get("/{contract_id}", response_model=ContractOut)
async def get_contract(
    contract_id: uuid.UUID, db: DatabaseDep, principal: Principal = Centre
) -> ContractOut:
    """One contract with its terms and visits used."""
    async with db.uow() as uow:
        repo = ContractRepository(uow.session)
        row = await repo.get(contract_id)
        return contract_out(row, await repo.products(row.id))


@router.get("/{contract_id}/billing", response_model=ContractDetail)
async def contract_billing(
    contract_id: uuid.UUID, db: DatabaseDep, principal: Principal = Centre
) -> ContractDetail:
    """The contract with its invoices (and their payments) and its planned maintenance visits."""
    async with db.uow() as uow:
        repo = ContractRepository(uow.session)
        row = await repo.get(contract_id)
        invoices = [
            contract_invoice_out(i, await repo.contract_payments(i.id))
            for i in await repo.invoices(row.id)
        ]
        visits = [planned_visit_out(v) for v in await repo.planned_visits(row.id)]
        return ContractDetail(
            contract=contract_out(row, await repo.products(row.id)),
            invoices=invoices,
            planned_visits=visits,
        )


@router.post("/{contract_id}/renew", status_code=201, response_model=ContractOut)
async def renew_contract(
    contract_id: uuid.UUID,
    body: RenewalIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """A new contract from the day after this one ends, for the same products, on the same
    terms unless the body changes them (``billing.contract.renewed.v1``)."""
    cmd = Renewal(
        contract_no=body.contract_no,
        ends_on=body.ends_on,
        fee=body.fee,
        schedule=body.schedule,
        visits_included=body.visits_included,
        maintenance_visits_per_year=body.maintenance_visits_per_year,
    )

    async def command(uow: UnitOfWork) -> ContractOut:
        row = await contracts.renew_contract(uow, contract_id, cmd, policy=policy)
        return contract_out(row, await ContractRepository(uow.session).products(row.id))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda c: {"Location": f"/v1/contracts/{c.id}"},  # type: ignore[attr-defined]
        audit=Audit("contract", "renewed"),
    )


invoices_router = APIRouter(prefix="/v1/contract-invoices", tags=["contracts"])


@invoices_router.post("/{invoice_id}/payments", status_code=201, response_model=ContractInvoiceOut)
async def pay_contract_invoice(
    invoice_id: uuid.UUID,
    body: ContractPaymentIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """A payment against a contract invoice; partial payments are fine, overpayment is not."""
    cmd = Payment(method=body.method, amount=body.amount.amount, currency=body.amount.currency)

    async def command(uow: UnitOfWork) -> ContractInvoiceOut:
        row = await contracts.pay_contract_invoice(uow, invoice_id, cmd, actor=actor_of(principal))
        repo = ContractRepository(uow.session)
        return contract_invoice_out(row, await repo.contract_payments(row.id))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        audit=Audit("contract_invoice", "payment recorded"),
    )
