"""What billing keeps of the other services' aggregates: tickets, completed jobs, points,
callbacks, grades, and what comes off a point's settlement (deductions, staff penalties)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from billing.adapters.repositories.locks import lock_key
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.facts import (
    CallbackFactsRow,
    CompletedJobRow,
    PointFactsRow,
    PointGradeRow,
    TicketFactsRow,
)
from billing.adapters.tables.settlements import PointDeductionRow, StaffPenaltyRow


class FactsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_ticket(self, ticket_id: uuid.UUID) -> None:
        """Take the ticket's lock for this transaction. A ticket's facts and its completed jobs
        arrive on two streams and may be handled at the same moment; whichever takes the lock
        second then sees the other's commit, so neither can miss the other."""
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key("ticket", ticket_id)}
        )

    async def ticket(self, ticket_id: uuid.UUID) -> TicketFactsRow | None:
        return await self.session.get(TicketFactsRow, ticket_id)

    async def record_completed_job(self, values: dict[str, Any]) -> bool:
        inserted = await self.session.execute(
            pg_insert(CompletedJobRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["job_id"])
            .returning(CompletedJobRow.job_id)
        )
        return inserted.scalar_one_or_none() is not None

    async def unfixed_callback_before(
        self,
        ticket_id: uuid.UUID,
        point_id: uuid.UUID,
        before: datetime,
        outcomes: frozenset[str],
    ) -> CallbackFactsRow | None:
        stmt = (
            select(CallbackFactsRow)
            .where(
                CallbackFactsRow.ticket_id == ticket_id,
                CallbackFactsRow.point_id == point_id,
                CallbackFactsRow.outcome.in_(outcomes),
                CallbackFactsRow.recorded_at < before,
            )
            .order_by(CallbackFactsRow.recorded_at)
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def record_callback(self, values: dict[str, Any]) -> bool:
        inserted = await self.session.execute(
            pg_insert(CallbackFactsRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["callback_id"])
            .returning(CallbackFactsRow.callback_id)
        )
        return inserted.scalar_one_or_none() is not None

    async def reworks_after(
        self, ticket_id: uuid.UUID, point_id: uuid.UUID, after: datetime
    ) -> list[ChargeRow]:
        """The point's charges of this ticket for work done after ``after`` (locked)."""
        stmt = (
            select(ChargeRow)
            .where(
                ChargeRow.ticket_id == ticket_id,
                ChargeRow.point_id == point_id,
                ChargeRow.job_id.is_not(None),
                ChargeRow.completed_at > after,
                ChargeRow.unpaid_reason.is_(None),
            )
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    async def add_staff_penalty(self, values: dict[str, Any]) -> None:
        await self.session.execute(
            pg_insert(StaffPenaltyRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["complaint_id"])
        )

    async def staff_penalties(
        self, technician_id: uuid.UUID | None, month: str | None, limit: int = 5000
    ) -> list[StaffPenaltyRow]:
        stmt = select(StaffPenaltyRow).order_by(StaffPenaltyRow.decided_at)
        if technician_id is not None:
            stmt = stmt.where(StaffPenaltyRow.technician_id == technician_id)
        if month is not None:
            stmt = stmt.where(StaffPenaltyRow.month == month)
        return list((await self.session.scalars(stmt.limit(limit))).all())

    async def point(self, point_id: uuid.UUID) -> PointFactsRow | None:
        return await self.session.get(PointFactsRow, point_id)

    async def partners(self) -> set[uuid.UUID]:
        stmt = select(PointFactsRow.point_id).where(PointFactsRow.is_partner.is_(True))
        return set((await self.session.scalars(stmt)).all())

    async def completed_job(self, job_id: uuid.UUID) -> CompletedJobRow | None:
        stmt = select(CompletedJobRow).where(CompletedJobRow.job_id == job_id).with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def pending_of_ticket(self, ticket_id: uuid.UUID) -> list[CompletedJobRow]:
        stmt = (
            select(CompletedJobRow)
            .where(CompletedJobRow.ticket_id == ticket_id, CompletedJobRow.charge_id.is_(None))
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    async def next_pending(
        self, skip: Sequence[uuid.UUID], *, waiting_for: str
    ) -> CompletedJobRow | None:
        conditions = [
            CompletedJobRow.charge_id.is_(None),
            CompletedJobRow.waiting_for == waiting_for,
        ]
        if skip:
            conditions.append(CompletedJobRow.job_id.not_in(skip))
        stmt = (
            select(CompletedJobRow)
            .where(and_(*conditions))
            .order_by(CompletedJobRow.received_at)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def add_deduction(self, values: dict[str, Any]) -> None:
        await self.session.execute(
            pg_insert(PointDeductionRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["kind", "source_id"])
        )

    async def record_grade(self, values: dict[str, Any]) -> None:
        stmt = pg_insert(PointGradeRow).values(**values)
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["point_id", "month"],
                set_={"grade": stmt.excluded.grade, "graded_at": stmt.excluded.graded_at},
                where=PointGradeRow.graded_at <= stmt.excluded.graded_at,
            )
        )
