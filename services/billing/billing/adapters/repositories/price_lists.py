"""The price list's versions: the one in force at a time, the latest, the first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from billing.adapters.tables.price_lists import PriceListRow


class PriceListRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def latest(self, *, lock: bool = False) -> PriceListRow | None:
        stmt = select(PriceListRow).order_by(PriceListRow.version.desc()).limit(1)
        if lock:
            await self.session.execute(text("LOCK TABLE billing.price_lists IN EXCLUSIVE MODE"))
        return (await self.session.scalars(stmt)).one_or_none()

    async def in_force(self, at: datetime) -> PriceListRow | None:
        stmt = (
            select(PriceListRow)
            .where(PriceListRow.effective_from <= at)
            .order_by(PriceListRow.effective_from.desc(), PriceListRow.version.desc())
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def first(self) -> PriceListRow | None:
        stmt = (
            select(PriceListRow)
            .order_by(PriceListRow.effective_from, PriceListRow.version)
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def version(self, version: int) -> PriceListRow:
        row = await self.session.get(PriceListRow, version)
        if row is None:
            raise NotFound(f"Price list version {version} does not exist.")
        return row

    async def versions(self) -> list[PriceListRow]:
        stmt = select(PriceListRow).order_by(PriceListRow.version.desc()).limit(100)
        return list((await self.session.scalars(stmt)).all())

    def add(self, row: PriceListRow) -> None:
        self.session.add(row)
