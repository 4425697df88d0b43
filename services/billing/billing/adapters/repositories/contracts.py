"""Contracts, the products they cover, their invoices, payments and planned visits."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from billing.adapters.tables.contracts import (
    ContractInvoiceRow,
    ContractPaymentRow,
    ContractProductRow,
    ContractRow,
    PlannedVisitRow,
)


class ContractRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: ContractRow, product_ids: Sequence[uuid.UUID]) -> None:
        self.session.add(row)
        await self.session.flush()
        for pid in product_ids:
            self.session.add(ContractProductRow(contract_id=row.id, product_id=pid))

    async def get(self, contract_id: uuid.UUID, *, lock: bool = False) -> ContractRow:
        stmt = select(ContractRow).where(ContractRow.id == contract_id)
        row = (await self.session.scalars(stmt.with_for_update() if lock else stmt)).one_or_none()
        if row is None:
            raise NotFound(f"Contract {contract_id} does not exist.")
        return row

    def plan_visit(self, row: PlannedVisitRow) -> None:
        self.session.add(row)

    def add_invoice(self, row: ContractInvoiceRow) -> None:
        self.session.add(row)

    def add_payment(self, row: ContractPaymentRow) -> None:
        self.session.add(row)

    async def invoice(self, invoice_id: uuid.UUID, *, lock: bool = False) -> ContractInvoiceRow:
        stmt = select(ContractInvoiceRow).where(ContractInvoiceRow.id == invoice_id)
        row = (await self.session.scalars(stmt.with_for_update() if lock else stmt)).one_or_none()
        if row is None:
            raise NotFound(f"Contract invoice {invoice_id} does not exist.")
        return row

    async def invoices(self, contract_id: uuid.UUID) -> list[ContractInvoiceRow]:
        stmt = (
            select(ContractInvoiceRow)
            .where(ContractInvoiceRow.contract_id == contract_id)
            .order_by(ContractInvoiceRow.period_start)
        )
        return list((await self.session.scalars(stmt)).all())

    async def contract_payments(self, invoice_id: uuid.UUID) -> list[ContractPaymentRow]:
        stmt = (
            select(ContractPaymentRow)
            .where(ContractPaymentRow.contract_invoice_id == invoice_id)
            .order_by(ContractPaymentRow.paid_at)
        )
        return list((await self.session.scalars(stmt)).all())

    async def planned_visits(self, contract_id: uuid.UUID) -> list[PlannedVisitRow]:
        stmt = (
            select(PlannedVisitRow)
            .where(PlannedVisitRow.contract_id == contract_id)
            .order_by(PlannedVisitRow.due_on, PlannedVisitRow.product_id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def number_taken(self, contract_no: str) -> bool:
        stmt = select(func.count()).where(ContractRow.contract_no == contract_no)
        return bool(await self.session.scalar(stmt))

    async def overlapping(
        self, product_ids: Sequence[uuid.UUID], starts_on: Any, ends_on: Any
    ) -> list[tuple[str, uuid.UUID]]:
        stmt = (
            select(ContractRow.contract_no, ContractProductRow.product_id)
            .join(ContractProductRow, ContractProductRow.contract_id == ContractRow.id)
            .where(
                ContractProductRow.product_id.in_(product_ids),
                ContractRow.starts_on <= ends_on,
                ContractRow.ends_on >= starts_on,
            )
        )
        return [(r[0], r[1]) for r in (await self.session.execute(stmt)).all()]

    async def lock_products(self, product_ids: Sequence[uuid.UUID]) -> None:
        """Two contracts for one product created at once must not both pass the overlap check."""
        for pid in sorted(product_ids):
            key = int.from_bytes(
                hashlib.sha256(f"contract-product:{pid}".encode()).digest()[:8], "big", signed=True
            )
            await self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})

    async def covering(self, product_id: uuid.UUID, day: Any) -> ContractRow | None:
        stmt = (
            select(ContractRow)
            .join(ContractProductRow, ContractProductRow.contract_id == ContractRow.id)
            .where(
                ContractProductRow.product_id == product_id,
                ContractRow.starts_on <= day,
                ContractRow.ends_on >= day,
            )
            .with_for_update(of=ContractRow)
        )
        return (await self.session.scalars(stmt)).first()

    async def products(self, contract_id: uuid.UUID) -> list[uuid.UUID]:
        stmt = select(ContractProductRow.product_id).where(
            ContractProductRow.contract_id == contract_id
        )
        return list((await self.session.scalars(stmt)).all())

    async def page(
        self, *, customer_id: uuid.UUID | None, cursor: str | None, limit: int
    ) -> tuple[list[ContractRow], str | None]:
        stmt: Any = select(ContractRow)
        if customer_id is not None:
            stmt = stmt.where(ContractRow.customer_id == customer_id)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=ContractRow.__table__.c.updated_at,
            id_col=ContractRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )
