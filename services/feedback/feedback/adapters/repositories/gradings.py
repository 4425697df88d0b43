"""The grades given per month, and the locks that keep grading a month and counting a complaint
into it apart."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence

from sqlalchemy import and_, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from feedback.adapters.tables import GradingRow


def _month_key(month: str) -> int:
    digest = hashlib.sha256(f"feedback-grading:{month}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class GradingRepository:
    """Grading a month and counting a complaint into it exclude each other (advisory locks):
    a complaint substantiated while its month is being graded waits, then counts in the next."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_for_grading(self, month: str) -> None:
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(:k)"), {"k": _month_key(month)}
        )

    async def lock_for_counting(self, month: str) -> None:
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": _month_key(month)}
        )

    async def is_graded(self, month: str) -> bool:
        """The month has been graded (a grade is kept for it)."""
        stmt = select(GradingRow.month).where(GradingRow.month == month).limit(1)
        return (await self.session.scalar(stmt)) is not None

    async def of_month(self, month: str) -> dict[uuid.UUID, GradingRow]:
        stmt = select(GradingRow).where(GradingRow.month == month).with_for_update()
        return {r.point_id: r for r in (await self.session.scalars(stmt)).all()}

    def add(self, row: GradingRow) -> None:
        self.session.add(row)

    async def previous_grades(
        self, month: str, point_ids: Sequence[uuid.UUID] | None = None
    ) -> dict[uuid.UUID, str]:
        """Each point's grade of the latest month graded before ``month`` (kept or earned)."""
        latest = select(GradingRow.point_id, func.max(GradingRow.month).label("month")).where(
            GradingRow.month < month
        )
        if point_ids is not None:
            if not point_ids:
                return {}
            latest = latest.where(GradingRow.point_id.in_(point_ids))
        last = latest.group_by(GradingRow.point_id).subquery()
        stmt = select(GradingRow.point_id, GradingRow.grade).join(
            last, and_(GradingRow.point_id == last.c.point_id, GradingRow.month == last.c.month)
        )
        return {r[0]: r[1] for r in (await self.session.execute(stmt)).all()}
