"""Staff rewards: one per staff member and month, decided by the month's grading."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback.adapters.tables import StaffRewardRow


class RewardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_once(self, values: dict[str, Any]) -> bool:
        """The staff member's reward for the month, unless one was decided already; True when
        this call decided it."""
        inserted = await self.session.scalar(
            pg_insert(StaffRewardRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["staff_id", "month"])
            .returning(StaffRewardRow.id)
        )
        return inserted is not None

    async def of_month(
        self, month: str, *, staff_id: uuid.UUID | None = None
    ) -> list[StaffRewardRow]:
        stmt = select(StaffRewardRow).where(StaffRewardRow.month == month)
        if staff_id is not None:
            stmt = stmt.where(StaffRewardRow.staff_id == staff_id)
        stmt = stmt.order_by(StaffRewardRow.role, StaffRewardRow.staff_id)
        return list((await self.session.scalars(stmt)).all())

    async def count_of_staff(self, staff_id: uuid.UUID) -> int:
        stmt = select(func.count()).where(StaffRewardRow.staff_id == staff_id)
        return int(await self.session.scalar(stmt) or 0)
