"""The service voucher found: a customer's registered products, one product, a search by
serial number or model, and a product passing to another owner."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, Request
from pydantic import Field
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import run_command
from aftersales.http.models import RequestModel
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import CustomerRepository, ProductRepository
from intake.api.presenters import product_out
from intake.api.schemas.customers import ProductOut, ProductPatch
from intake.api.scope import Staff, tenant_of
from intake.use_cases.customers import transfer_product, update_product

router = APIRouter(tags=["products"])


class TransferIn(RequestModel):
    customer_id: uuid.UUID = Field(description="the new owner")


@router.get("/v1/customers/{customer_id}/products", response_model=Page[ProductOut])
async def products_of_customer(
    customer_id: uuid.UUID,
    db: DatabaseDep,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Staff,
) -> Page[ProductOut]:
    """The caller's registered products: the voucher the agent pulls from the file."""
    tenant = tenant_of(principal)
    async with db.uow() as uow:
        await CustomerRepository(uow.session).get(customer_id, tenant=tenant)
        rows, next_cursor = await ProductRepository(uow.session).page(
            tenant=tenant, customer_id=customer_id, cursor=cursor, limit=limit
        )
    return Page[ProductOut](
        items=[product_out(r, uow.now().date()) for r in rows], next_cursor=next_cursor
    )


@router.get("/v1/products", response_model=Page[ProductOut])
async def search_products(
    db: DatabaseDep,
    serial_no: str | None = Query(default=None, min_length=1, max_length=100),
    model: str | None = Query(default=None, min_length=1, max_length=100),
    category: str | None = Query(default=None, min_length=1, max_length=60),
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Staff,
) -> Page[ProductOut]:
    """Find products by serial number, model or customer; paged with `cursor`."""
    async with db.uow() as uow:
        rows, next_cursor = await ProductRepository(uow.session).page(
            tenant=tenant_of(principal),
            serial_no=serial_no,
            model=model,
            category=category,
            cursor=cursor,
            limit=limit,
        )
    return Page[ProductOut](
        items=[product_out(r, uow.now().date()) for r in rows], next_cursor=next_cursor
    )


@router.get("/v1/products/{product_id}", response_model=ProductOut)
async def get_product(
    product_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = Staff
) -> ProductOut:
    """One product with its warranty state and owner."""
    async with db.uow() as uow:
        row = await ProductRepository(uow.session).get(product_id, tenant=tenant_of(principal))
    response.headers["ETag"] = etag_of(row.version)
    return product_out(row, uow.now().date())


@router.post("/v1/products/{product_id}/transfer", response_model=ProductOut)
async def transfer_product_ownership(
    product_id: uuid.UUID,
    body: TransferIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Staff,
) -> Response:
    """A new owner; history and warranty stay with the product (optional ``If-Match``)."""
    expected = expected_version(request, required=False)
    tenant = tenant_of(principal)

    async def command(uow: UnitOfWork) -> ProductOut:
        row = await transfer_product(
            uow, product_id, body.customer_id, tenant=tenant, expected_version=expected
        )
        return product_out(row, uow.now().date())

    async def before(uow: UnitOfWork) -> ProductOut:
        row = await ProductRepository(uow.session).get(product_id, tenant=tenant)
        return product_out(row, uow.now().date())

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=lambda p: {"ETag": etag_of(p.version)},  # type: ignore[attr-defined]
        audit=Audit("product", "transferred", before=before),
    )


@router.patch("/v1/products/{product_id}", response_model=ProductOut)
async def patch_product(
    product_id: uuid.UUID,
    body: ProductPatch,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Staff,
) -> Response:
    """The installation address (visits go there, routed by its region) and notes.
    Needs ``If-Match``."""
    expected = expected_version(request, required=True)
    tenant = tenant_of(principal)
    changes = body.model_dump(exclude_unset=True)

    async def command(uow: UnitOfWork) -> ProductOut:
        row = await update_product(
            uow, product_id, changes, tenant=tenant, expected_version=expected
        )
        return product_out(row, uow.now().date())

    async def before(uow: UnitOfWork) -> ProductOut:
        row = await ProductRepository(uow.session).get(product_id, tenant=tenant)
        return product_out(row, uow.now().date())

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=lambda p: {"ETag": etag_of(p.version)},  # type: ignore[attr-defined]
        audit=Audit("product", "updated", before=before),
    )
