"""Queries of intake's tables; use cases talk to these, not to SQL."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from intake.adapters.tables import (
    CustomerRow,
    ProductRow,
    TicketRow,
    TimelineRow,
    ticket_number_seq,
)


class CustomerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, customer_id: uuid.UUID) -> CustomerRow:
        row = await self.session.get(CustomerRow, customer_id)
        if row is None:
            raise NotFound(f"Customer {customer_id} does not exist.")
        return row

    async def find_same(
        self, phone_normalized: str, external_ref: str | None
    ) -> CustomerRow | None:
        stmt = select(CustomerRow).where(CustomerRow.phone_normalized == phone_normalized)
        if external_ref is not None:
            stmt = stmt.where(
                (CustomerRow.external_ref == external_ref) | CustomerRow.external_ref.is_(None)
            )
        return (await self.session.execute(stmt.limit(1))).scalar_one_or_none()

    def add(self, row: CustomerRow) -> None:
        self.session.add(row)


class ProductRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, product_id: uuid.UUID) -> ProductRow:
        row = await self.session.get(ProductRow, product_id)
        if row is None:
            raise NotFound(f"Product {product_id} does not exist.")
        return row

    async def find_serial(self, category: str, model: str, serial_no: str) -> ProductRow | None:
        stmt = select(ProductRow).where(
            ProductRow.category == category,
            ProductRow.model == model,
            ProductRow.serial_no == serial_no,
        )
        return (await self.session.execute(stmt)).scalar_one_or_none()

    def add(self, row: ProductRow) -> None:
        self.session.add(row)


class TicketRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_number_seq(self) -> int:
        return int(await self.session.scalar(ticket_number_seq.next_value()))

    async def get(self, ticket_id: uuid.UUID) -> TicketRow:
        row = await self.session.get(TicketRow, ticket_id)
        if row is None:
            raise NotFound(f"Ticket {ticket_id} does not exist.")
        return row

    def add(self, row: TicketRow) -> None:
        self.session.add(row)

    async def page(
        self,
        *,
        status: str | None,
        customer_id: uuid.UUID | None,
        updated_since: datetime | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[TicketRow], str | None]:
        stmt: Any = select(TicketRow)
        if status is not None:
            stmt = stmt.where(TicketRow.status == status)
        if customer_id is not None:
            stmt = stmt.where(TicketRow.customer_id == customer_id)
        if updated_since is not None:
            stmt = stmt.where(TicketRow.updated_at >= updated_since)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=TicketRow.__table__.c.updated_at,
            id_col=TicketRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    def record(
        self, ticket_id: uuid.UUID, at: datetime, event: str, summary: str, **data: Any
    ) -> None:
        self.session.add(
            TimelineRow(ticket_id=ticket_id, at=at, event=event, summary=summary, data=data)
        )

    async def timeline(self, ticket_id: uuid.UUID) -> list[TimelineRow]:
        stmt = (
            select(TimelineRow).where(TimelineRow.ticket_id == ticket_id).order_by(TimelineRow.seq)
        )
        return list((await self.session.execute(stmt)).scalars())
