"""Callbacks (one per completed job, or per request solved on the phone), their attempts, and
the callback side of a month's scorecards."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from feedback.adapters.repositories.scope import Scope
from feedback.adapters.tables import CallbackAttemptRow, CallbackRow, SlaBreachRow
from feedback.domain.callbacks import NOT_FIXED


@dataclass(frozen=True)
class CallbackFilter:
    scope: Scope = field(default_factory=Scope)
    status: str | None = None
    overdue_at: datetime | None = None
    point_id: uuid.UUID | None = None
    ticket_id: uuid.UUID | None = None
    month: str | None = None


class CallbackRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def due_of_ticket(self, ticket_id: uuid.UUID) -> list[CallbackRow]:
        stmt = (
            select(CallbackRow)
            .where(CallbackRow.ticket_id == ticket_id, CallbackRow.status == "due")
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    async def create(self, values: dict[str, Any]) -> bool:
        """One callback per job, and one per ticket solved on the phone (no job)."""
        stmt = pg_insert(CallbackRow).values(**values)
        if values.get("job_id") is None:
            stmt = stmt.on_conflict_do_nothing(
                index_elements=["ticket_id"], index_where=CallbackRow.job_id.is_(None)
            )
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=["job_id"])
        inserted = await self.session.execute(stmt.returning(CallbackRow.id))
        return inserted.scalar_one_or_none() is not None

    async def get(
        self, callback_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False
    ) -> CallbackRow:
        row = await self.session.get(CallbackRow, callback_id, with_for_update=lock)
        if row is None or (scope.point_id is not None and row.point_id != scope.point_id):
            raise NotFound(f"Callback {callback_id} does not exist.")
        return row

    async def latest_of_ticket(self, ticket_id: uuid.UUID) -> CallbackRow | None:
        stmt = (
            select(CallbackRow)
            .where(CallbackRow.ticket_id == ticket_id)
            .order_by(CallbackRow.visit_number.desc())
            .limit(1)
        )
        return (await self.session.scalars(stmt)).first()

    def add_attempt(self, row: CallbackAttemptRow) -> None:
        self.session.add(row)

    async def attempts(self, callback_id: uuid.UUID) -> list[CallbackAttemptRow]:
        stmt = (
            select(CallbackAttemptRow)
            .where(CallbackAttemptRow.callback_id == callback_id)
            .order_by(CallbackAttemptRow.id)
        )
        return list((await self.session.scalars(stmt)).all())

    @staticmethod
    def overdue(now: datetime) -> Select[Any]:
        """Callbacks still due past their due time and not reported yet, the earliest first
        (for ``claim_due``: it locks and marks them)."""
        return (
            select(CallbackRow)
            .where(
                CallbackRow.status == "due",
                CallbackRow.overdue_at.is_(None),
                CallbackRow.due_at < now,
            )
            .order_by(CallbackRow.due_at)
        )

    async def page(
        self, where: CallbackFilter, *, cursor: str | None, limit: int
    ) -> tuple[list[CallbackRow], str | None]:
        stmt: Any = select(CallbackRow)
        for value, column in (
            (where.scope.point_id, CallbackRow.point_id),
            (where.point_id, CallbackRow.point_id),
            (where.status, CallbackRow.status),
            (where.ticket_id, CallbackRow.ticket_id),
            (where.month, CallbackRow.month),
        ):
            if value is not None:
                stmt = stmt.where(column == value)
        if where.overdue_at is not None:
            stmt = stmt.where(CallbackRow.status == "due", CallbackRow.due_at < where.overdue_at)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=CallbackRow.__table__.c.updated_at,
            id_col=CallbackRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def counts(
        self, month: str, *, by: str, only: uuid.UUID | None = None
    ) -> dict[uuid.UUID, dict[str, int]]:
        """Per point (or technician): the callback-side counts of a scorecard."""
        key = CallbackRow.point_id if by == "point" else CallbackRow.technician_id
        reached = CallbackRow.reached.is_(True)
        first = CallbackRow.visit_number == 1

        def n(condition: Any) -> Any:
            return func.count().filter(condition)

        breached = (
            select(SlaBreachRow.event_id).where(SlaBreachRow.job_id == CallbackRow.job_id).exists()
        )
        stmt = (
            select(
                key,
                func.count(),
                n(CallbackRow.visit_number > 1),
                n(reached),
                n(and_(reached, CallbackRow.outcome == "satisfied")),
                n(and_(reached, first)),
                n(and_(reached, first, CallbackRow.outcome.not_in(NOT_FIXED))),
                n(CallbackRow.outcome == "bad_attitude"),
                n(breached),
                n(CallbackRow.arrived_late_minutes > 0),
                n(CallbackRow.status == "unreachable"),
            )
            .where(CallbackRow.month == month, key.is_not(None))  # not calls after phone fixes
            .group_by(key)
        )
        if only is not None:
            stmt = stmt.where(key == only)
        names = (
            "jobs",
            "repeat_jobs",
            "callbacks_reached",
            "satisfied",
            "first_visit_reached",
            "first_visit_fixed",
            "attitude_complaints",
            "breached_jobs",
            "late_arrivals",
            "unreachable",
        )
        return {
            r[0]: dict(zip(names, (int(v) for v in r[1:]), strict=True))
            for r in (await self.session.execute(stmt)).all()
        }

    async def centre_counts(self, month: str) -> tuple[int, int, int, int, int, int]:
        """The centre's side of the month's callbacks: all, done, settled by the due time,
        reported overdue, unreachable, still due."""
        settled = CallbackRow.status.in_(("done", "unreachable"))
        row = (
            await self.session.execute(
                select(
                    func.count(),
                    func.count().filter(CallbackRow.status == "done"),
                    func.count().filter(settled, CallbackRow.recorded_at <= CallbackRow.due_at),
                    func.count().filter(CallbackRow.overdue_at.is_not(None)),
                    func.count().filter(CallbackRow.status == "unreachable"),
                    func.count().filter(CallbackRow.status == "due"),
                ).where(CallbackRow.month == month)
            )
        ).one()
        callbacks, done, in_time, overdue, unreachable, still_due = (int(v) for v in row)
        return callbacks, done, in_time, overdue, unreachable, still_due
