"""Settlement months: their locks, which are closed, which feedback has graded."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from billing.adapters.repositories.locks import lock_key
from billing.adapters.tables.facts import GradedMonthRow
from billing.adapters.tables.settlements import ClosedMonthRow


class Months:
    """Closing a month and recording a fact into it exclude each other (advisory locks)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_for_fact(self, month: str) -> None:
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": lock_key("month", month)}
        )

    async def lock_for_close(self, month: str) -> None:
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key("month", month)}
        )

    async def closed(self) -> set[str]:
        return set((await self.session.scalars(select(ClosedMonthRow.month))).all())

    async def is_closed(self, month: str) -> bool:
        return await self.session.get(ClosedMonthRow, month) is not None

    async def graded(self, month: str) -> bool:
        return await self.session.get(GradedMonthRow, month) is not None

    async def record_grading(self, month: str, at: datetime) -> None:
        stmt = pg_insert(GradedMonthRow).values(month=month, runs=1, last_completed_at=at)
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["month"],
                set_={
                    "runs": GradedMonthRow.runs + 1,
                    "last_completed_at": func.greatest(
                        GradedMonthRow.last_completed_at, stmt.excluded.last_completed_at
                    ),
                },
            )
        )

    def close(self, row: ClosedMonthRow) -> None:
        self.session.add(row)
