"""Callbacks (one per completed job, or per request solved on the phone), their attempts, the
queue (audit callbacks still due first), and the callback side of a month's scorecards."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Select, and_, func, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import BadCursor, NotFound
from feedback.adapters.repositories.scope import Scope
from feedback.adapters.tables import (
    CallbackAttemptRow,
    CallbackRow,
    SlaBreachRow,
)
from feedback.domain.callbacks import NOT_FIXED

# The queue's first key, a column PostgreSQL keeps (``ix_callbacks_queue``): 0 for an audit
# callback still due, 1 for any other.
QUEUE_RANK: ColumnElement[int] = CallbackRow.__table__.c.queue_rank


def _rank(row: CallbackRow) -> int:
    return 0 if row.audit and row.status == "due" else 1


def _cursor(row: CallbackRow) -> str:
    raw = orjson.dumps([_rank(row), row.updated_at.isoformat(), str(row.id)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _after(cursor: str) -> tuple[int, datetime, uuid.UUID]:
    """The position a queue cursor names (one issued before the audit sample: rank 1)."""
    try:
        parts = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        rank, sort_value, row_id = [1, *parts] if len(parts) == 2 else parts
        if rank not in (0, 1):
            raise ValueError("rank")
        return rank, datetime.fromisoformat(sort_value), uuid.UUID(row_id)
    except Exception as exc:
        raise BadCursor("The cursor is not one this API issued.") from exc


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

    async def due_of_ticket(
        self, ticket_id: uuid.UUID, *, except_reasons: Sequence[str] = ()
    ) -> list[CallbackRow]:
        stmt = (
            select(CallbackRow)
            .where(CallbackRow.ticket_id == ticket_id, CallbackRow.status == "due")
            .with_for_update()
        )
        if except_reasons:
            stmt = stmt.where(CallbackRow.reason.not_in(except_reasons))
        return list((await self.session.scalars(stmt)).all())

    async def create(self, values: dict[str, Any]) -> bool:
        """One callback per job; one per resolution of a complaint (its satisfaction call);
        one per ticket and reason otherwise (solved on the phone, refunded, replaced). True
        when this call made it (a copy of the event that asked makes nothing)."""
        stmt = pg_insert(CallbackRow).values(**values)
        if values.get("job_id") is not None:
            stmt = stmt.on_conflict_do_nothing(index_elements=["job_id"])
        elif values.get("complaint_id") is not None:
            stmt = stmt.on_conflict_do_nothing(
                index_elements=["complaint_id", "complaint_round"],
                index_where=CallbackRow.complaint_id.is_not(None),
            )
        else:
            stmt = stmt.on_conflict_do_nothing(
                index_elements=["ticket_id", "reason"],
                index_where=and_(CallbackRow.job_id.is_(None), CallbackRow.complaint_id.is_(None)),
            )
        inserted = await self.session.execute(stmt.returning(CallbackRow.id))
        return inserted.scalar_one_or_none() is not None

    async def has_job(self, point_id: uuid.UUID, month: str) -> bool:
        """Whether feedback has a completed job of the point in the month already."""
        stmt = (
            select(CallbackRow.id)
            .where(CallbackRow.point_id == point_id, CallbackRow.month == month)
            .limit(1)
        )
        return (await self.session.scalars(stmt)).first() is not None

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
        """The queue: audit callbacks still due first, then by last change (keyset)."""
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
        order = (QUEUE_RANK, CallbackRow.updated_at, CallbackRow.id)
        if cursor is not None:
            stmt = stmt.where(tuple_(*order) > tuple_(*_after(cursor)))
        rows = list((await self.session.scalars(stmt.order_by(*order).limit(limit + 1))).all())
        if len(rows) <= limit:
            return rows, None
        return rows[:limit], _cursor(rows[limit - 1])

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
                n(and_(reached, CallbackRow.outcome == "bad_attitude")),
                n(breached),
                n(CallbackRow.arrived_late_minutes > 0),
                n(CallbackRow.status == "unreachable"),
                n(and_(reached, CallbackRow.outcome == "unsatisfied")),
                n(and_(reached, CallbackRow.outcome == "complaint")),
                n(and_(reached, CallbackRow.outcome == "not_fixed_first_visit")),
                n(and_(reached, CallbackRow.outcome == "not_fixed_repeat")),
                n(and_(reached, CallbackRow.visit_confirmed == "no")),
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
            "unsatisfied",
            "complaint_outcomes",
            "not_fixed_first_visit",
            "not_fixed_repeat",
            "no_visits_confirmed",
        )
        return {
            r[0]: dict(zip(names, (int(v) for v in r[1:]), strict=True))
            for r in (await self.session.execute(stmt)).all()
        }

    async def technician_months(self, month: str) -> dict[uuid.UUID, tuple[int, int, int, Any]]:
        """Per technician, the month's jobs, reached callbacks, satisfied ones, and the point
        of most of those jobs (the one that pays a partner's technician)."""
        reached = CallbackRow.reached.is_(True)
        stmt = (
            select(
                CallbackRow.technician_id,
                func.count(),
                func.count().filter(reached),
                func.count().filter(reached, CallbackRow.outcome == "satisfied"),
                func.mode().within_group(CallbackRow.point_id),
            )
            .where(CallbackRow.month == month, CallbackRow.technician_id.is_not(None))
            .group_by(CallbackRow.technician_id)
        )
        return {
            r[0]: (int(r[1]), int(r[2]), int(r[3]), r[4])
            for r in (await self.session.execute(stmt)).all()
        }

    async def recorder_months(self, month: str) -> dict[str, dict[str, int]]:
        """Per actor who recorded callbacks of the month (an agent's callbacks are their jobs):
        those reached, and each outcome."""
        stmt = (
            select(CallbackRow.recorded_by, CallbackRow.outcome, func.count())
            .where(
                CallbackRow.month == month,
                CallbackRow.recorded_by.is_not(None),
                CallbackRow.reached.is_(True),
            )
            .group_by(CallbackRow.recorded_by, CallbackRow.outcome)
        )
        out: dict[str, dict[str, int]] = {}
        for actor, outcome, n in (await self.session.execute(stmt)).all():
            out.setdefault(str(actor), {})[str(outcome)] = int(n)
        return out

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
