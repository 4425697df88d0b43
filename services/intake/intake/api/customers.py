from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, require_roles
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import CustomerRepository
from intake.api.presenters import customer_out, product_out
from intake.api.schemas.customers import (
    CustomerIn,
    CustomerOut,
    CustomerPatch,
    ProductIn,
    ProductOut,
)
from intake.api.scope import Staff, tenant_of
from intake.domain.board import name_query
from intake.domain.business import CustomerType
from intake.domain.customers import normalise_phone
from intake.use_cases import privacy
from intake.use_cases.customers import (
    RegisterCustomer,
    RegisterProduct,
    register_customer,
    register_product,
    update_customer,
)

router = APIRouter(prefix="/v1/customers", tags=["customers"])
Admin = require_roles("admin")


def _headers(customer: CustomerOut) -> dict[str, str]:
    return {"Location": f"/v1/customers/{customer.id}", "ETag": etag_of(customer.version)}


def _customer_now(
    customer_id: uuid.UUID, tenant: str | None
) -> Callable[[UnitOfWork], Awaitable[CustomerOut]]:
    async def load(uow: UnitOfWork) -> CustomerOut:
        return customer_out(await CustomerRepository(uow.session).get(customer_id, tenant=tenant))

    return load


@router.post("", status_code=201, response_model=CustomerOut)
async def create_customer(
    body: CustomerIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Staff,
) -> Response:
    """Register a customer (name, phone, address; e-mail optional). A `crm` token's customer
    belongs to its tenant. Send an `Idempotency-Key` to retry safely."""
    cmd = RegisterCustomer(
        name=body.name,
        phone=body.phone,
        email=body.email,
        region=body.address.region,
        city=body.address.city,
        line=body.address.line,
        postal_code=body.address.postal_code,
        external_ref=body.external_ref,
        type=body.type,
    )

    async def command(uow: UnitOfWork) -> CustomerOut:
        return customer_out(await register_customer(uow, cmd, tenant=tenant_of(principal)))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=_headers,  # type: ignore[arg-type]
    )


@router.get("", response_model=Page[CustomerOut])
async def search_customers(
    db: DatabaseDep,
    phone: str | None = Query(default=None, max_length=40, description="any common notation"),
    name: str | None = Query(
        default=None,
        max_length=200,
        description="a name that contains this text, whatever the case (at least 2 characters);"
        " an erased customer is never found",
    ),
    external_ref: str | None = Query(default=None, max_length=100),
    type: CustomerType | None = Query(default=None, description="consumer, dealer or direct"),
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Staff,
) -> Page[CustomerOut]:
    """Find customers by phone (normalised), name (contained, whatever the case), the CRM's
    external reference or `type` (dealers, direct customers); in the order they were
    registered, paged with `cursor`."""
    async with db.uow() as uow:
        rows, next_cursor = await CustomerRepository(uow.session).page(
            tenant=tenant_of(principal),
            phone_normalized=normalise_phone(phone) if phone else None,
            external_ref=external_ref,
            customer_type=type,
            name=name_query(name) if name is not None else None,
            cursor=cursor,
            limit=limit,
        )
    return Page[CustomerOut](items=[customer_out(r) for r in rows], next_cursor=next_cursor)


@router.get("/{customer_id}", response_model=CustomerOut)
async def get_customer(
    customer_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = Staff
) -> CustomerOut:
    """One customer, with an `ETag` for `If-Match` on a later `PATCH`."""
    async with db.uow() as uow:
        row = await CustomerRepository(uow.session).get(customer_id, tenant=tenant_of(principal))
    response.headers["ETag"] = etag_of(row.version)
    return customer_out(row)


@router.patch("/{customer_id}", response_model=CustomerOut)
async def patch_customer(
    customer_id: uuid.UUID,
    body: CustomerPatch,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Staff,
) -> Response:
    """Update contact data. Needs ``If-Match`` with the ETag you read (428 / 412)."""
    expected = expected_version(request, required=True)
    changes = body.model_dump(exclude_unset=True)

    async def command(uow: UnitOfWork) -> CustomerOut:
        row = await update_customer(
            uow, customer_id, changes, tenant=tenant_of(principal), expected_version=expected
        )
        return customer_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=lambda c: {"ETag": etag_of(c.version)},  # type: ignore[attr-defined]
        audit=Audit("customer", "updated", before=_customer_now(customer_id, tenant_of(principal))),
    )


@router.post("/{customer_id}/products", status_code=201, response_model=ProductOut)
async def create_product(
    customer_id: uuid.UUID,
    body: ProductIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Staff,
) -> Response:
    """Register a product the customer owns (its service voucher): model, serial number, purchase
    date and warranty. Whether it is in warranty today is worked out from these."""
    cmd = RegisterProduct(customer_id=customer_id, **body.model_dump())

    async def command(uow: UnitOfWork) -> ProductOut:
        row = await register_product(uow, cmd, tenant=tenant_of(principal))
        return product_out(row, uow.now().date())

    return await run_command(
        request, db, command, principal=principal, key=idempotency_key, body=body
    )


@router.post("/{customer_id}/erase", response_model=CustomerOut)
async def erase_customer(
    customer_id: uuid.UUID, request: Request, db: DatabaseDep, principal: Principal = Admin
) -> Response:
    """The customer's right to be forgotten: name, phone, e-mail and address become
    tombstones here and, through ``intake.customer.erased.v1``, in every other service."""

    async def command(uow: UnitOfWork) -> CustomerOut:
        return customer_out(await privacy.erase_customer(uow, customer_id))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        audit=Audit("customer", "erased", before=_customer_now(customer_id, None)),
    )
