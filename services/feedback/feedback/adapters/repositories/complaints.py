"""Complaints with their reply and resolve deadlines, and the complaint side of a month's
scorecards."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from feedback.adapters.repositories.scope import Scope
from feedback.adapters.tables import ComplaintRow


@dataclass(frozen=True)
class ComplaintFilter:
    scope: Scope = field(default_factory=Scope)
    status: str | None = None
    ticket_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    overdue_at: datetime | None = None


class ComplaintRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: ComplaintRow) -> None:
        self.session.add(row)

    async def get(
        self, complaint_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False
    ) -> ComplaintRow:
        row = await self.session.get(ComplaintRow, complaint_id, with_for_update=lock)
        if row is None or (scope.tenant_id is not None and row.tenant_id != scope.tenant_id):
            raise NotFound(f"Complaint {complaint_id} does not exist.")
        return row

    async def find(self, complaint_id: uuid.UUID) -> ComplaintRow | None:
        return await self.session.get(ComplaintRow, complaint_id)

    async def of_callback(self, callback_id: uuid.UUID) -> ComplaintRow | None:
        """The complaint a callback's outcome opened, if it did."""
        stmt = select(ComplaintRow).where(ComplaintRow.callback_id == callback_id)
        return (await self.session.scalars(stmt)).first()

    async def latest_resolved_of_ticket(self, ticket_id: uuid.UUID) -> ComplaintRow | None:
        stmt = (
            select(ComplaintRow)
            .where(ComplaintRow.ticket_id == ticket_id, ComplaintRow.status == "resolved")
            .order_by(ComplaintRow.resolved_at.desc())
            .limit(1)
        )
        return (await self.session.scalars(stmt)).first()

    async def page(
        self, where: ComplaintFilter, *, cursor: str | None, limit: int
    ) -> tuple[list[ComplaintRow], str | None]:
        stmt: Any = select(ComplaintRow)
        for value, column in (
            (where.scope.tenant_id, ComplaintRow.tenant_id),
            (where.status, ComplaintRow.status),
            (where.ticket_id, ComplaintRow.ticket_id),
            (where.point_id, ComplaintRow.point_id),
        ):
            if value is not None:
                stmt = stmt.where(column == value)
        if where.overdue_at is not None:
            now = where.overdue_at
            stmt = stmt.where(
                or_(
                    and_(ComplaintRow.replied_at.is_(None), ComplaintRow.reply_by < now),
                    and_(ComplaintRow.resolved_at.is_(None), ComplaintRow.resolve_by < now),
                    ComplaintRow.reply_overdue_at.is_not(None),
                    ComplaintRow.resolve_overdue_at.is_not(None),
                )
            )
        return await keyset_page(
            self.session,
            stmt,
            sort_col=ComplaintRow.__table__.c.updated_at,
            id_col=ComplaintRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def next_overdue(self, now: datetime, skip: Sequence[uuid.UUID]) -> ComplaintRow | None:
        """A complaint whose missed deadline has not been reported yet (``SKIP LOCKED``)."""
        reply_missed = and_(
            ComplaintRow.reply_overdue_at.is_(None),
            ComplaintRow.replied_at.is_(None),
            ComplaintRow.reply_by < now,
        )
        resolve_missed = and_(
            ComplaintRow.resolve_overdue_at.is_(None),
            ComplaintRow.resolved_at.is_(None),
            ComplaintRow.resolve_by < now,
        )
        conditions: list[Any] = [or_(reply_missed, resolve_missed)]
        if skip:
            conditions.append(ComplaintRow.id.not_in(skip))
        stmt = select(ComplaintRow).where(*conditions).limit(1).with_for_update(skip_locked=True)
        return (await self.session.scalars(stmt)).one_or_none()

    async def counts(self, month: str, *, by: str) -> dict[uuid.UUID, int]:
        """Complaints opened in the month, per point, technician or staff member: the work
        report's."""
        key = {
            "point": ComplaintRow.point_id,
            "technician": ComplaintRow.technician_id,
            "staff": ComplaintRow.staff_id,
        }[by]
        stmt = (
            select(key, func.count())
            .where(ComplaintRow.month == month, key.is_not(None))
            .group_by(key)
        )
        return {r[0]: int(r[1]) for r in (await self.session.execute(stmt)).all() if r[0]}

    async def substantiated(self, month: str, *, by: str) -> dict[uuid.UUID, int]:
        """Substantiated complaints the month's scorecards count (``counted_month``), per point
        (or technician): one only opened, or found unsubstantiated, counts nowhere."""
        key = {
            "point": ComplaintRow.point_id,
            "technician": ComplaintRow.technician_id,
            "staff": ComplaintRow.staff_id,
        }[by]
        stmt = (
            select(key, func.count())
            .where(
                ComplaintRow.counted_month == month,
                ComplaintRow.substantiated.is_(True),
                key.is_not(None),
            )
            .group_by(key)
        )
        return {r[0]: int(r[1]) for r in (await self.session.execute(stmt)).all() if r[0]}

    async def centre_counts(self, month: str) -> tuple[int, int, int]:
        """The centre's side of the complaints opened in the month: all, replies reported late,
        resolutions reported late (before a reopening too)."""
        row = (
            await self.session.execute(
                select(
                    func.count(),
                    func.sum(
                        case((ComplaintRow.reply_overdue_at.is_not(None), 1), else_=0)
                        + ComplaintRow.replies_late_before
                    ),
                    func.sum(
                        case((ComplaintRow.resolve_overdue_at.is_not(None), 1), else_=0)
                        + ComplaintRow.resolutions_late_before
                    ),
                ).where(ComplaintRow.month == month)
            )
        ).one()
        return int(row[0]), int(row[1] or 0), int(row[2] or 0)
