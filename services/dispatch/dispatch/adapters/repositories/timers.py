"""SLA timers: the next due (claimed with ``SKIP LOCKED``), settle, pause and resume."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from dispatch.adapters.tables.jobs import JobRow
from dispatch.adapters.tables.timers import SlaTimerRow


class TimerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: SlaTimerRow) -> None:
        self.session.add(row)

    async def settle(
        self, job_id: uuid.UUID, kinds: Sequence[str], state: str, now: datetime
    ) -> list[SlaTimerRow]:
        """Mark the job's pending timers of these kinds met/cancelled/fired; returns them."""
        stmt = (
            update(SlaTimerRow)
            .where(
                SlaTimerRow.job_id == job_id,
                SlaTimerRow.kind.in_(kinds),
                SlaTimerRow.state.in_(("pending", "paused")),
            )
            .values(state=state, settled_at=now, paused_at=None)
            .returning(SlaTimerRow)
        )
        return list((await self.session.scalars(stmt)).all())

    async def pause(self, job_ids: Sequence[uuid.UUID], kinds: Sequence[str], now: datetime) -> int:
        """Stop these jobs' running clocks of these kinds; returns how many stopped."""
        stmt = (
            update(SlaTimerRow)
            .where(
                SlaTimerRow.job_id.in_(job_ids),
                SlaTimerRow.kind.in_(kinds),
                SlaTimerRow.state == "pending",
            )
            .values(state="paused", paused_at=now)
        )
        return (await self.session.execute(stmt)).rowcount  # type: ignore[attr-defined,no-any-return]

    async def resume(self, job_ids: Sequence[uuid.UUID], now: datetime) -> int:
        """Every paused clock continues where it stopped: due later by the time paused."""
        stmt = (
            update(SlaTimerRow)
            .where(SlaTimerRow.job_id.in_(job_ids), SlaTimerRow.state == "paused")
            .values(
                state="pending",
                due_at=SlaTimerRow.due_at + (now - SlaTimerRow.paused_at),
                paused_at=None,
            )
        )
        return (await self.session.execute(stmt)).rowcount  # type: ignore[attr-defined,no-any-return]

    async def next_due(self, now: datetime, *, skip: Sequence[uuid.UUID]) -> SlaTimerRow | None:
        """The earliest due timer no other replica is firing right now (``SKIP LOCKED``)."""
        conditions = [SlaTimerRow.state == "pending", SlaTimerRow.due_at <= now]
        if skip:
            conditions.append(SlaTimerRow.id.not_in(skip))
        stmt = (
            select(SlaTimerRow)
            .where(and_(*conditions))
            .order_by(SlaTimerRow.due_at)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def of_job(self, job_id: uuid.UUID) -> list[SlaTimerRow]:
        stmt = select(SlaTimerRow).where(SlaTimerRow.job_id == job_id).order_by(SlaTimerRow.due_at)
        return list((await self.session.scalars(stmt)).all())

    async def lock_job_if_free(self, job_id: uuid.UUID) -> JobRow | None:
        stmt = select(JobRow).where(JobRow.id == job_id).with_for_update(skip_locked=True)
        return (await self.session.scalars(stmt)).one_or_none()
