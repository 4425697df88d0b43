"""Network points: candidates for routing, capacity, overrides, grades."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.tables.jobs import JobRow
from dispatch.adapters.tables.points import CapacityOverrideRow, PointRow
from dispatch.adapters.tables.technicians import TechnicianRow
from dispatch.domain.jobs import BOOKED
from dispatch.domain.points import CapacityOverride
from dispatch.domain.routing import Candidate


class PointRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: PointRow) -> None:
        self.session.add(row)

    async def get(
        self, point_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False
    ) -> PointRow:
        row = await self.session.get(PointRow, point_id, with_for_update=lock)
        if row is None or (scope.point_id is not None and row.id != scope.point_id):
            raise NotFound(f"Network point {point_id} does not exist.")
        return row

    async def find(self, point_id: uuid.UUID) -> PointRow | None:
        return await self.session.get(PointRow, point_id)

    async def code_taken(self, code: str) -> bool:
        return bool(await self.session.scalar(select(exists().where(PointRow.code == code))))

    async def page(
        self,
        *,
        scope: Scope,
        region: str | None,
        category: str | None,
        active: bool | None,
        cursor: str | None,
        limit: int,
        code: str | None = None,
    ) -> tuple[list[PointRow], str | None]:
        stmt: Any = select(PointRow)
        if scope.point_id is not None:
            stmt = stmt.where(PointRow.id == scope.point_id)
        if code is not None:
            stmt = stmt.where(PointRow.code == code)
        if region is not None:
            stmt = stmt.where(PointRow.regions.contains([region]))
        if category is not None:
            stmt = stmt.where(PointRow.categories.contains([category]))
        if active is not None:
            stmt = stmt.where(PointRow.active.is_(active))
        return await keyset_page(
            self.session,
            stmt,
            sort_col=PointRow.__table__.c.updated_at,
            id_col=PointRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def routing_candidates(
        self, *, region: str, category: str, day: date, only: uuid.UUID | None = None
    ) -> list[Candidate]:
        """Active points serving region and category with a skilled active technician, with
        their capacity and booked jobs on ``day``."""
        override = (
            select(CapacityOverrideRow.daily_capacity)
            .where(
                CapacityOverrideRow.point_id == PointRow.id,
                CapacityOverrideRow.starts_on <= day,
                CapacityOverrideRow.ends_on >= day,
            )
            .limit(1)
            .scalar_subquery()
        )
        load = (
            select(func.count())
            .where(
                JobRow.point_id == PointRow.id,
                JobRow.service_date == day,
                JobRow.status.in_(BOOKED),
            )
            .scalar_subquery()
        )
        skilled = exists().where(
            TechnicianRow.point_id == PointRow.id,
            TechnicianRow.status == "active",
            TechnicianRow.skills.contains([category]),
        )
        stmt = select(
            PointRow.id,
            PointRow.code,
            PointRow.grade,
            func.coalesce(override, PointRow.daily_capacity),
            load,
        ).where(
            PointRow.active.is_(True),
            PointRow.regions.contains([region]),
            PointRow.categories.contains([category]),
            skilled,
        )
        if only is not None:
            stmt = stmt.where(PointRow.id == only)
        rows = (await self.session.execute(stmt)).all()
        return [Candidate(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in rows]

    async def booked(self, point_id: uuid.UUID, day: date, *, besides: uuid.UUID) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).where(
                    JobRow.point_id == point_id,
                    JobRow.service_date == day,
                    JobRow.status.in_(BOOKED),
                    JobRow.id != besides,
                )
            )
            or 0
        )

    async def booked_by_day(self, point_id: uuid.UUID, start: date, end: date) -> dict[date, int]:
        rows = await self.session.execute(
            select(JobRow.service_date, func.count())
            .where(
                JobRow.point_id == point_id,
                JobRow.service_date.between(start, end),
                JobRow.status.in_(BOOKED),
            )
            .group_by(JobRow.service_date)
        )
        return {d: int(n) for d, n in rows.all() if d is not None}

    async def overrides(
        self, point_id: uuid.UUID, start: date | None = None, end: date | None = None
    ) -> list[CapacityOverrideRow]:
        stmt = select(CapacityOverrideRow).where(CapacityOverrideRow.point_id == point_id)
        if start is not None and end is not None:
            stmt = stmt.where(
                CapacityOverrideRow.starts_on <= end, CapacityOverrideRow.ends_on >= start
            )
        return list(
            (await self.session.scalars(stmt.order_by(CapacityOverrideRow.starts_on))).all()
        )

    @staticmethod
    def as_domain(rows: Sequence[CapacityOverrideRow]) -> list[CapacityOverride]:
        return [CapacityOverride(r.id, r.starts_on, r.ends_on, r.daily_capacity) for r in rows]

    def add_override(self, row: CapacityOverrideRow) -> None:
        self.session.add(row)

    async def override(self, point_id: uuid.UUID, override_id: uuid.UUID) -> CapacityOverrideRow:
        row = await self.session.get(CapacityOverrideRow, override_id)
        if row is None or row.point_id != point_id:
            raise NotFound(f"Capacity override {override_id} does not exist.")
        return row

    async def delete_override(self, row: CapacityOverrideRow) -> None:
        await self.session.delete(row)
