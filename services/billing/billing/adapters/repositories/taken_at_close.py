"""Payments a month's close takes into partner points' settlements, each in one month only."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from billing.adapters.tables.payments import PaymentRow


async def count_per_point(session: AsyncSession, *where: Any) -> dict[uuid.UUID, tuple[int, int]]:
    """The payments matching ``where``, per point: (count, amount)."""
    stmt = (
        select(PaymentRow.point_id, func.count(), func.sum(PaymentRow.amount))
        .where(*where)
        .group_by(PaymentRow.point_id)
    )
    rows = (await session.execute(stmt)).all()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows if r[0] is not None}


@dataclass(frozen=True)
class TakenAtClose:
    """Payments a month's close takes into partner points' settlements, each in one month
    only: a partner cash payment it nets, a non-cash one left unreconciled that it deducts.
    ``owed`` says which payments the ``points`` owe; ``month_column`` records the month that
    took one (``netted_month``, ``deducted_month``)."""

    session: AsyncSession
    points: set[uuid.UUID]
    owed: Any
    month_column: Any

    async def per_point(self, month: str) -> dict[uuid.UUID, tuple[int, int]]:
        """What ``month`` takes, per point (count, amount): not taken by another month."""
        if not self.points:
            return {}
        column = self.month_column
        return await count_per_point(self.session, self.owed, column.is_(None) | (column == month))

    async def lock(self) -> None:
        """Lock, in id order, what a close will take, before it is computed."""
        if self.points:
            await self.session.execute(
                select(PaymentRow.id)
                .where(self.owed, self.month_column.is_(None))
                .order_by(PaymentRow.id)
                .with_for_update()
            )

    async def stamp(self, month: str) -> None:
        """Record that ``month`` took them: no later month takes them again."""
        if self.points:
            await self.session.execute(
                update(PaymentRow)
                .where(self.owed, self.month_column.is_(None))
                .values({self.month_column: month})
            )
