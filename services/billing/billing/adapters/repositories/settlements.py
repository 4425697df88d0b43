"""What a statement is made of beside the charges (deductions, grades, staff rewards), and
closed months' frozen statements."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from billing.adapters.tables.facts import PointGradeRow
from billing.adapters.tables.settlements import PointDeductionRow, SettlementRow, StaffRewardRow


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

    async def add_reward(self, values: dict[str, Any]) -> bool:
        """Record a staff reward once (by its id); False when it was recorded already."""
        inserted = await self.session.execute(
            pg_insert(StaffRewardRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["reward_id"])
            .returning(StaffRewardRow.reward_id)
        )
        return inserted.scalar_one_or_none() is not None

    async def rewards(self, month: str, point_id: uuid.UUID | None = None) -> list[StaffRewardRow]:
        """The rewards a month's statements pay, partner points' staff only."""
        stmt = (
            select(StaffRewardRow)
            .where(
                StaffRewardRow.settlement_month == month,
                StaffRewardRow.paid_through_point.is_(True),
            )
            .order_by(StaffRewardRow.decided_at, StaffRewardRow.reward_id)
        )
        if point_id is not None:
            stmt = stmt.where(StaffRewardRow.point_id == point_id)
        return list((await self.session.scalars(stmt)).all())

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
