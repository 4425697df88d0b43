"""The staff register: technicians projected from dispatch's job events, and the centre's
agents, hosts and sales-service staff an admin registers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.http.pagination import keyset_page
from feedback.adapters.tables import StaffRow


class StaffRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def project_technician(
        self, technician_id: uuid.UUID, point_id: uuid.UUID | None, at: datetime
    ) -> None:
        """A technician dispatch booked or who completed a job: in the register, with the
        point of the latest job heard of (a copy or an older event changes nothing)."""
        stmt = pg_insert(StaffRow).values(
            id=technician_id,
            role="technician",
            point_id=point_id,
            source="dispatch",
            active=True,
            version=1,
            created_at=at,
            updated_at=at,
        )
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["id"],
                set_={
                    "point_id": stmt.excluded.point_id,
                    "updated_at": stmt.excluded.updated_at,
                    "version": StaffRow.version + 1,
                },
                where=(StaffRow.role == "technician")
                & (StaffRow.updated_at < stmt.excluded.updated_at)
                & StaffRow.point_id.is_distinct_from(stmt.excluded.point_id),
            )
        )

    def add(self, row: StaffRow) -> None:
        self.session.add(row)

    async def get(self, staff_id: uuid.UUID) -> StaffRow | None:
        return await self.session.get(StaffRow, staff_id)

    async def by_subject(self, subject: str) -> StaffRow | None:
        stmt = select(StaffRow).where(StaffRow.subject == subject)
        return (await self.session.scalars(stmt)).first()

    async def of_roles(self, roles: Sequence[str]) -> list[StaffRow]:
        stmt = select(StaffRow).where(StaffRow.role.in_(roles)).order_by(StaffRow.id)
        return list((await self.session.scalars(stmt)).all())

    async def many(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, StaffRow]:
        if not ids:
            return {}
        stmt = select(StaffRow).where(StaffRow.id.in_(ids))
        return {r.id: r for r in (await self.session.scalars(stmt)).all()}

    async def page(
        self,
        *,
        role: str | None,
        point_id: uuid.UUID | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[StaffRow], str | None]:
        stmt: Any = select(StaffRow)
        if role is not None:
            stmt = stmt.where(StaffRow.role == role)
        if point_id is not None:
            stmt = stmt.where(StaffRow.point_id == point_id)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=StaffRow.__table__.c.updated_at,
            id_col=StaffRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )
