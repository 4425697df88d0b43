"""三包 remedies: refund vouchers and replacements."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from billing.adapters.tables.remedies import RemedyRow


class RemedyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, values: dict[str, Any]) -> bool:
        inserted = await self.session.execute(
            pg_insert(RemedyRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["ticket_id", "remedy"])
            .returning(RemedyRow.id)
        )
        return inserted.scalar_one_or_none() is not None

    async def of_month(self, month: str) -> list[RemedyRow]:
        stmt = select(RemedyRow).where(RemedyRow.month == month).order_by(RemedyRow.decided_at)
        return list((await self.session.scalars(stmt)).all())

    async def of_ticket(self, ticket_id: uuid.UUID) -> list[RemedyRow]:
        stmt = select(RemedyRow).where(RemedyRow.ticket_id == ticket_id)
        return list((await self.session.scalars(stmt)).all())

    async def refund(self, remedy_id: uuid.UUID, *, lock: bool = False) -> RemedyRow:
        stmt = select(RemedyRow).where(RemedyRow.id == remedy_id, RemedyRow.remedy == "refund")
        row = (await self.session.scalars(stmt.with_for_update() if lock else stmt)).one_or_none()
        if row is None:
            raise NotFound(f"Refund {remedy_id} does not exist.")
        return row

    async def refunds(self, *, status: str | None, limit: int) -> list[RemedyRow]:
        """Refund vouchers: ``paid``, ``unpaid`` (payable now) or ``awaiting_approval``."""
        stmt = select(RemedyRow).where(RemedyRow.remedy == "refund")
        if status == "paid":
            stmt = stmt.where(RemedyRow.paid_at.is_not(None))
        elif status == "unpaid":
            stmt = stmt.where(
                RemedyRow.paid_at.is_(None), RemedyRow.approval != "awaiting_approval"
            )
        elif status == "awaiting_approval":
            stmt = stmt.where(
                RemedyRow.paid_at.is_(None), RemedyRow.approval == "awaiting_approval"
            )
        return list(
            (await self.session.scalars(stmt.order_by(RemedyRow.decided_at).limit(limit))).all()
        )
