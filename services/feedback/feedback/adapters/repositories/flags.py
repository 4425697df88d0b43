"""Billing's review flags on each point, as feedback counts them per rule and month."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback.adapters.tables import ReviewFlagRow


class ReviewFlagRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, values: dict[str, Any]) -> bool:
        """Once per review (a copy delivered again is ignored); True when this call kept it."""
        inserted = await self.session.execute(
            pg_insert(ReviewFlagRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["review_id"])
            .returning(ReviewFlagRow.review_id)
        )
        return inserted.scalar_one_or_none() is not None

    async def counts(
        self, month: str, *, only: uuid.UUID | None = None
    ) -> dict[uuid.UUID, dict[str, int]]:
        """Per point, the month's flags per rule."""
        stmt = (
            select(ReviewFlagRow.point_id, ReviewFlagRow.rule, func.count())
            .where(ReviewFlagRow.month == month)
            .group_by(ReviewFlagRow.point_id, ReviewFlagRow.rule)
        )
        if only is not None:
            stmt = stmt.where(ReviewFlagRow.point_id == only)
        out: dict[uuid.UUID, dict[str, int]] = {}
        for point_id, rule, n in (await self.session.execute(stmt)).all():
            out.setdefault(point_id, {})[str(rule)] = int(n)
        return out
