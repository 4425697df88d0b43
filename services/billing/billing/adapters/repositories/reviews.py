"""Claims review's rows: flags, the labour summary and norms, and the visits counted."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    String,
    Uuid,
    bindparam,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.reviews import LabourDayRow, LabourNormRow, ReviewRow

# A statement written once (its text is fixed; only its parameters change per job): the
# job's visit and labour minutes counted, and what the rules read. The visit the statement
# inserts is not visible to its own reads, so the customer's count adds it.
COUNT_AND_READ = text(
    """
    WITH counted AS (
        INSERT INTO billing.claim_visits
            (job_id, ticket_id, point_id, customer_id, serial_no, category, completed_at)
        VALUES (:job_id, :ticket_id, :point_id, :customer_id, :serial_no, :category,
                :completed_at)
        ON CONFLICT DO NOTHING
        RETURNING job_id
    ), labour AS (
        INSERT INTO billing.labour_days (category, day, minutes, jobs)
        VALUES (:category, :day, :minutes, 1)
        ON CONFLICT (category, day, minutes) DO UPDATE SET jobs = billing.labour_days.jobs + 1
        RETURNING jobs
    ), previous AS (
        SELECT job_id, completed_at FROM billing.claim_visits
        WHERE :repeat AND serial_no = :serial_no AND point_id = :point_id
          AND completed_at <= :completed_at AND ticket_id <> :ticket_id
        ORDER BY completed_at DESC LIMIT 1
    )
    SELECT
        (SELECT job_id FROM previous) AS previous_job,
        (SELECT completed_at FROM previous) AS previous_at,
        CASE WHEN :customer THEN
            (SELECT count(*) FROM billing.claim_visits
             WHERE customer_id = :customer_id
               AND completed_at >= :month_start AND completed_at < :month_end)
            + (SELECT count(*) FROM counted)
        END AS customer_jobs,
        (SELECT callback_id FROM billing.callback_facts
         WHERE :no_visit AND job_id = :job_id AND visit_confirmed = 'no'
         ORDER BY recorded_at LIMIT 1) AS callback_id,
        (SELECT count(*) FROM labour) AS labour_rows
    """
).bindparams(
    bindparam("repeat", type_=Boolean),
    bindparam("customer", type_=Boolean),
    bindparam("no_visit", type_=Boolean),
    bindparam("serial_no", type_=String),
    bindparam("completed_at", type_=DateTime(timezone=True)),
    bindparam("month_start", type_=DateTime(timezone=True)),
    bindparam("month_end", type_=DateTime(timezone=True)),
    bindparam("day", type_=Date),
    bindparam("job_id", type_=Uuid),
    bindparam("point_id", type_=Uuid),
    bindparam("ticket_id", type_=Uuid),
    bindparam("customer_id", type_=Uuid),
)


class ReviewRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def raise_flags(self, rows: list[dict[str, Any]]) -> list[ReviewRow]:
        """Insert the findings not raised already (by this job before, or another replica's
        pass), in one statement: the new rows (as written, not attached)."""
        new = set(
            (
                await self.session.scalars(
                    pg_insert(ReviewRow)
                    .values(rows)
                    .on_conflict_do_nothing(index_elements=[ReviewRow.finding])
                    .returning(ReviewRow.id)
                )
            ).all()
        )
        return [ReviewRow(**r) for r in rows if r["id"] in new]

    async def get(self, review_id: uuid.UUID, *, lock: bool = False) -> ReviewRow:
        stmt = select(ReviewRow).where(ReviewRow.id == review_id)
        row = await self.session.scalar(stmt.with_for_update() if lock else stmt)
        if row is None:
            raise NotFound(f"Review {review_id} not found.")
        return row

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

    async def count_and_read(
        self,
        visit: dict[str, Any],
        day: date,
        labour_minutes: int,
        *,
        month: tuple[datetime, datetime],
        repeat: bool,
        customer: bool,
        no_visit: bool,
    ) -> tuple[tuple[str, datetime] | None, int, uuid.UUID | None]:
        """One statement: the job counted in the visits and the labour summary, and what the
        rules read around it: the same point's last other job at the serial, the customer's
        jobs in the month (this one included), and a callback that said no one came."""
        row = (
            await self.session.execute(
                COUNT_AND_READ,
                {
                    **visit,
                    "day": day,
                    "minutes": labour_minutes,
                    "month_start": month[0],
                    "month_end": month[1],
                    "repeat": repeat and visit["serial_no"] is not None,
                    "customer": customer,
                    "no_visit": no_visit,
                },
            )
        ).one()
        previous = None if row.previous_job is None else (str(row.previous_job), row.previous_at)
        return previous, int(row.customer_jobs or 0), row.callback_id

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
