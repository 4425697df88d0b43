"""Dispatch's SLA breaches, as feedback counts them per point and month."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback.adapters.tables import SlaBreachRow


class SlaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record_breach(self, values: dict[str, Any]) -> None:
        """Once per event (a copy delivered again is ignored)."""
        await self.session.execute(
            pg_insert(SlaBreachRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["event_id"])
        )

    async def breaches(self, month: str) -> dict[uuid.UUID, int]:
        stmt = (
            select(SlaBreachRow.point_id, func.count())
            .where(SlaBreachRow.month == month, SlaBreachRow.point_id.is_not(None))
            .group_by(SlaBreachRow.point_id)
        )
        return {r[0]: int(r[1]) for r in (await self.session.execute(stmt)).all() if r[0]}
