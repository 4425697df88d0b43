"""Invoices, credit notes and gapless document numbers."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from billing.adapters.tables.documents import CreditNoteRow, DocumentCounterRow, InvoiceRow


class DocumentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_number(self, series: str, year: int) -> int:
        """The next number of the series: the counter row's lock is held until commit, so a
        rolled-back document gives its number back and numbers stay gapless."""
        insert = pg_insert(DocumentCounterRow).values(series=series, year=year, last=1)
        upsert = insert.on_conflict_do_update(
            index_elements=["series", "year"], set_={"last": DocumentCounterRow.last + 1}
        ).returning(DocumentCounterRow.last)
        return int((await self.session.execute(upsert)).scalar_one())

    def add_invoice(self, row: InvoiceRow) -> None:
        self.session.add(row)

    async def invoice(self, invoice_id: uuid.UUID) -> InvoiceRow:
        row = await self.session.get(InvoiceRow, invoice_id)
        if row is None:
            raise NotFound(f"Invoice {invoice_id} does not exist.")
        return row

    async def invoices(self, year: int | None, *, after: int, limit: int) -> list[InvoiceRow]:
        stmt = (
            select(InvoiceRow)
            .where(InvoiceRow.seq > after)
            .order_by(InvoiceRow.year, InvoiceRow.seq)
            .limit(limit)
        )
        if year is not None:
            stmt = stmt.where(InvoiceRow.year == year)
        return list((await self.session.scalars(stmt)).all())

    def add_credit_note(self, row: CreditNoteRow) -> None:
        self.session.add(row)

    async def credit_notes(self, charge_id: uuid.UUID) -> list[CreditNoteRow]:
        stmt = (
            select(CreditNoteRow)
            .where(CreditNoteRow.charge_id == charge_id)
            .order_by(CreditNoteRow.issued_at)
        )
        return list((await self.session.scalars(stmt)).all())
