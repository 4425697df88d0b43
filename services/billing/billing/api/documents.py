from __future__ import annotations

import uuid

from fastapi import APIRouter, Query

from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from aftersales.http.pagination import Limit
from billing.adapters.repositories.documents import DocumentRepository
from billing.api.presenters import invoice_out
from billing.api.schemas.invoices import InvoiceList, InvoiceOut
from billing.api.scope import Finance

router = APIRouter(prefix="/v1/invoices", tags=["invoices"])


@router.get("", response_model=InvoiceList)
async def list_invoices(
    db: DatabaseDep,
    year: int | None = Query(default=None, ge=2000, le=2999),
    after: int = Query(default=0, ge=0, le=2**31 - 1, description="the last number seen"),
    limit: Limit = 50,
    principal: Principal = Finance,
) -> InvoiceList:
    """Invoices in number order (for the accounts, and to check the numbering is gapless)."""
    async with db.uow() as uow:
        rows = await DocumentRepository(uow.session).invoices(year, after=after, limit=limit)
    return InvoiceList(
        items=[invoice_out(r) for r in rows],
        next_after=rows[-1].seq if len(rows) == limit else None,
    )


@router.get("/{invoice_id}", response_model=InvoiceOut)
async def get_invoice(
    invoice_id: uuid.UUID, db: DatabaseDep, principal: Principal = Finance
) -> InvoiceOut:
    """One invoice (gapless number, lines, paid or not)."""
    async with db.uow() as uow:
        row = await DocumentRepository(uow.session).invoice(invoice_id)
    return invoice_out(row)
