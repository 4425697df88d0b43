"""The fault code lists per category."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dispatch.adapters.tables.fault_codes import FaultCodeListRow
from dispatch.domain.fault_codes import FaultCodes


class FaultCodeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, category: str) -> FaultCodes | None:
        row = await self.session.get(FaultCodeListRow, category)
        return None if row is None else fault_codes_of(row)

    async def row(self, category: str, *, lock: bool = False) -> FaultCodeListRow | None:
        stmt = select(FaultCodeListRow).where(FaultCodeListRow.category == category)
        if lock:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def all(self, category: str | None = None) -> list[FaultCodeListRow]:
        stmt = select(FaultCodeListRow).order_by(FaultCodeListRow.category)
        if category is not None:
            stmt = stmt.where(FaultCodeListRow.category == category)
        return list((await self.session.scalars(stmt)).all())

    def add(self, row: FaultCodeListRow) -> None:
        self.session.add(row)


def fault_codes_of(row: FaultCodeListRow) -> FaultCodes:
    return FaultCodes(row.category, row.symptoms, row.causes, row.actions)
