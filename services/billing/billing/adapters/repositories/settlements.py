"""Closed months' frozen statements."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from billing.adapters.tables.facts import PointGradeRow
from billing.adapters.tables.settlements import PointDeductionRow, SettlementRow


class SettlementRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def deductions(self, month: str, point_id: uuid.UUID | None = None) -> list[Any]:
        stmt = (
            select(
                PointDeductionRow.point_id,
                PointDeductionRow.kind,
                func.count(),
                func.coalesce(func.sum(PointDeductionRow.amount), 0),
            )
            .where(PointDeductionRow.month == month)
            .group_by(PointDeductionRow.point_id, PointDeductionRow.kind)
        )
        if point_id is not None:
            stmt = stmt.where(PointDeductionRow.point_id == point_id)
        return list((await self.session.execute(stmt)).all())

    async def grades(self, month: str) -> dict[uuid.UUID, str]:
        stmt = select(PointGradeRow.point_id, PointGradeRow.grade).where(
            PointGradeRow.month == month
        )
        return {r[0]: r[1] for r in (await self.session.execute(stmt)).all()}

    async def closed(self, month: str, point_id: uuid.UUID | None = None) -> list[SettlementRow]:
        stmt = (
            select(SettlementRow)
            .where(SettlementRow.month == month)
            .order_by(SettlementRow.point_id)
        )
        if point_id is not None:
            stmt = stmt.where(SettlementRow.point_id == point_id)
        return list((await self.session.scalars(stmt)).all())

    def add(self, row: SettlementRow) -> None:
        self.session.add(row)
