from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.auth import Principal, require_roles
from aftersales.db import UnitOfWork
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of
from aftersales.http.idempotency import IdempotencyKey, run_command
from intake.adapters.repositories import CustomerRepository
from intake.api.presenters import customer_out, product_out
from intake.api.schemas import CustomerIn, CustomerOut, ProductIn, ProductOut
from intake.use_cases.customers import (
    RegisterCustomer,
    RegisterProduct,
    register_customer,
    register_product,
)

router = APIRouter(prefix="/v1/customers", tags=["customers"])
Staff = require_roles("admin", "agent", "crm")


@router.post("", status_code=201, response_model=CustomerOut)
async def create_customer(
    body: CustomerIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Staff,
) -> Response:
    cmd = RegisterCustomer(
        name=body.name,
        phone=body.phone,
        email=body.email,
        region=body.address.region,
        city=body.address.city,
        line=body.address.line,
        postal_code=body.address.postal_code,
        external_ref=body.external_ref,
    )

    async def command(uow: UnitOfWork) -> CustomerOut:
        return customer_out(await register_customer(uow, cmd))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda c: {"Location": f"/v1/customers/{c.id}", "ETag": etag_of(c.version)},  # type: ignore[attr-defined]
    )


@router.get("/{customer_id}", response_model=CustomerOut)
async def get_customer(
    customer_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = Staff
) -> CustomerOut:
    async with db.uow() as uow:
        row = await CustomerRepository(uow.session).get(customer_id)
    response.headers["ETag"] = etag_of(row.version)
    return customer_out(row)


@router.post("/{customer_id}/products", status_code=201, response_model=ProductOut)
async def create_product(
    customer_id: uuid.UUID,
    body: ProductIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Staff,
) -> Response:
    cmd = RegisterProduct(customer_id=customer_id, **body.model_dump())

    async def command(uow: UnitOfWork) -> ProductOut:
        return product_out(await register_product(uow, cmd))

    return await run_command(
        request, db, command, principal=principal, key=idempotency_key, body=body
    )
