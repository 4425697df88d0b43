"""Staff strikes: one per substantiated conduct complaint against them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from feedback.adapters.tables import StrikeRow


class StrikeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: StrikeRow) -> None:
        self.session.add(row)

    async def lock_staff(self, staff_id: uuid.UUID) -> None:
        """Strikes on one staff member are counted one at a time."""
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": f"feedback-strike:{staff_id}"}
        )

    async def of_staff(self, staff_id: uuid.UUID, *, lock: bool = False) -> list[StrikeRow]:
        """Every strike of the staff member (a technician's id is its staff id), the earliest
        first."""
        stmt = select(StrikeRow).where(StrikeRow.staff_id == staff_id).order_by(StrikeRow.at)
        if lock:
            stmt = stmt.with_for_update()
        return list((await self.session.scalars(stmt)).all())

    async def of_technician(self, technician_id: uuid.UUID) -> list[StrikeRow]:
        return await self.of_staff(technician_id)

    async def of_complaint(self, complaint_id: uuid.UUID) -> StrikeRow | None:
        stmt = select(StrikeRow).where(StrikeRow.complaint_id == complaint_id)
        return (await self.session.scalars(stmt)).first()

    async def counts_between(
        self, start: datetime, end: datetime, staff_ids: Sequence[uuid.UUID] | None = None
    ) -> dict[uuid.UUID, int]:
        """Strikes decided in [start, end), per staff member."""
        stmt = (
            select(StrikeRow.staff_id, func.count())
            .where(StrikeRow.at >= start, StrikeRow.at < end)
            .group_by(StrikeRow.staff_id)
        )
        if staff_ids is not None:
            stmt = stmt.where(StrikeRow.staff_id.in_(staff_ids))
        return {r[0]: int(r[1]) for r in (await self.session.execute(stmt)).all()}

    async def dismissed(self, staff_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        if not staff_ids:
            return set()
        stmt = select(StrikeRow.staff_id).where(
            StrikeRow.staff_id.in_(staff_ids), StrikeRow.action == "dismissal"
        )
        return set((await self.session.scalars(stmt)).all())
