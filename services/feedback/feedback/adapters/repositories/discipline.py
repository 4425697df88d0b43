"""Technicians' strikes: one per substantiated complaint against them."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from feedback.adapters.tables import StrikeRow


class StrikeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: StrikeRow) -> None:
        self.session.add(row)

    async def of_technician(self, technician_id: uuid.UUID) -> list[StrikeRow]:
        """Every strike of the technician, the earliest first."""
        stmt = (
            select(StrikeRow).where(StrikeRow.technician_id == technician_id).order_by(StrikeRow.at)
        )
        return list((await self.session.scalars(stmt)).all())
