"""Claims review's rows: flags, the labour summary and norms, and the visits counted."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.facts import CallbackFactsRow
from billing.adapters.tables.reviews import ClaimVisitRow, LabourDayRow, LabourNormRow, ReviewRow


class ReviewRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def raise_flag(self, values: dict[str, Any]) -> ReviewRow | None:
        """Insert the finding unless it was raised already (by this job before, or another
        replica's pass): the new row, or None."""
        new_id = await self.session.scalar(
            pg_insert(ReviewRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=[ReviewRow.finding])
            .returning(ReviewRow.id)
        )
        return None if new_id is None else await self.session.get(ReviewRow, new_id)

    async def get(self, review_id: uuid.UUID, *, lock: bool = False) -> ReviewRow:
        stmt = select(ReviewRow).where(ReviewRow.id == review_id)
        row = await self.session.scalar(stmt.with_for_update() if lock else stmt)
        if row is None:
            raise NotFound(f"Review {review_id} not found.")
        return row

    async def of_charge(self, charge_id: uuid.UUID) -> list[ReviewRow]:
        stmt = (
            select(ReviewRow)
            .where(ReviewRow.charge_id == charge_id)
            .order_by(ReviewRow.flagged_at, ReviewRow.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def of_charges(self, charge_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ReviewRow]]:
        out: dict[uuid.UUID, list[ReviewRow]] = {c: [] for c in charge_ids}
        if not charge_ids:
            return out
        stmt = (
            select(ReviewRow)
            .where(ReviewRow.charge_id.in_(charge_ids))
            .order_by(ReviewRow.flagged_at, ReviewRow.id)
        )
        for row in (await self.session.scalars(stmt)).all():
            assert row.charge_id is not None
            out[row.charge_id].append(row)
        return out

    async def open_holds(self, charge_id: uuid.UUID) -> list[ReviewRow]:
        stmt = (
            select(ReviewRow)
            .where(
                ReviewRow.charge_id == charge_id,
                ReviewRow.status == "open",
                ReviewRow.action == "hold",
            )
            .order_by(ReviewRow.flagged_at, ReviewRow.id)
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    async def page(
        self,
        *,
        status: str | None,
        rule: str | None,
        point_id: uuid.UUID | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[ReviewRow], str | None]:
        stmt: Any = select(ReviewRow)
        for value, column in (
            (status, ReviewRow.status),
            (rule, ReviewRow.rule),
            (point_id, ReviewRow.point_id),
        ):
            if value is not None:
                stmt = stmt.where(column == value)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=ReviewRow.__table__.c.flagged_at,
            id_col=ReviewRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    # The running summaries.

    async def count_labour(self, category: str, day: date, minutes: int) -> None:
        stmt = pg_insert(LabourDayRow).values(category=category, day=day, minutes=minutes, jobs=1)
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=[LabourDayRow.category, LabourDayRow.day, LabourDayRow.minutes],
                set_={"jobs": LabourDayRow.jobs + 1},
            )
        )

    async def labour_norm(
        self, category: str, day: date, window_days: int, percentile: float
    ) -> LabourNormRow | None:
        return await self.session.get(LabourNormRow, (category, day, window_days, percentile))

    async def labour_counts(self, category: str, first: date, last: date) -> list[tuple[int, int]]:
        stmt = (
            select(LabourDayRow.minutes, func.sum(LabourDayRow.jobs))
            .where(
                LabourDayRow.category == category,
                LabourDayRow.day >= first,
                LabourDayRow.day <= last,
            )
            .group_by(LabourDayRow.minutes)
        )
        return [(int(m), int(n)) for m, n in (await self.session.execute(stmt)).all()]

    async def keep_norm(self, values: dict[str, Any]) -> None:
        stmt = pg_insert(LabourNormRow).values(**values)
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=[
                    LabourNormRow.category,
                    LabourNormRow.day,
                    LabourNormRow.window_days,
                    LabourNormRow.percentile,
                ],
                set_={"value": stmt.excluded.value, "jobs": stmt.excluded.jobs},
            )
        )

    async def record_visit(self, values: dict[str, Any]) -> None:
        await self.session.execute(
            pg_insert(ClaimVisitRow).values(**values).on_conflict_do_nothing()
        )

    async def previous_visit(
        self, job_id: uuid.UUID, point_id: uuid.UUID, serial_no: str, before: datetime
    ) -> tuple[str, datetime] | None:
        """The same point's latest other job at the serial completed before ``before``."""
        stmt = (
            select(ClaimVisitRow.job_id, ClaimVisitRow.completed_at)
            .where(
                ClaimVisitRow.serial_no == serial_no,
                ClaimVisitRow.point_id == point_id,
                ClaimVisitRow.completed_at <= before,
                ClaimVisitRow.job_id != job_id,
            )
            .order_by(ClaimVisitRow.completed_at.desc())
            .limit(1)
        )
        row = (await self.session.execute(stmt)).first()
        return None if row is None else (str(row[0]), row[1])

    async def customer_jobs(self, customer_id: uuid.UUID, start: datetime, end: datetime) -> int:
        stmt = select(func.count()).where(
            ClaimVisitRow.customer_id == customer_id,
            ClaimVisitRow.completed_at >= start,
            ClaimVisitRow.completed_at < end,
        )
        return int(await self.session.scalar(stmt) or 0)

    async def no_visit_callback(self, job_id: uuid.UUID) -> CallbackFactsRow | None:
        """The first callback on the job where the customer said no one came."""
        stmt = (
            select(CallbackFactsRow)
            .where(CallbackFactsRow.job_id == job_id, CallbackFactsRow.visit_confirmed == "no")
            .order_by(CallbackFactsRow.recorded_at)
            .limit(1)
        )
        return await self.session.scalar(stmt)

    async def held_in(
        self, month: str, point_id: uuid.UUID | None
    ) -> dict[uuid.UUID, list[tuple[Any, list[ReviewRow]]]]:
        """Per point: the month's held charges, each with its open flags."""
        stmt = select(ChargeRow).where(
            ChargeRow.month == month,
            ChargeRow.point_id.is_not(None),
            ChargeRow.held_reason.is_not(None),
        )
        if point_id is not None:
            stmt = stmt.where(ChargeRow.point_id == point_id)
        charges = list((await self.session.scalars(stmt.order_by(ChargeRow.completed_at))).all())
        flags = await self.of_charges([c.id for c in charges])
        out: dict[uuid.UUID, list[tuple[Any, list[ReviewRow]]]] = {}
        for c in charges:
            assert c.point_id is not None
            opened = [f for f in flags[c.id] if f.status == "open"]
            out.setdefault(c.point_id, []).append((c, opened))
        return out
