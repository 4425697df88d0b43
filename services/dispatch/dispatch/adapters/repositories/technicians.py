"""A point's technicians."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.tables.technicians import TechnicianRow


class TechnicianRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: TechnicianRow) -> None:
        self.session.add(row)

    async def get(
        self, technician_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False
    ) -> TechnicianRow:
        row = await self.session.get(TechnicianRow, technician_id, with_for_update=lock)
        if (
            row is None
            or (scope.point_id is not None and row.point_id != scope.point_id)
            or (scope.technician_id is not None and row.id != scope.technician_id)
        ):
            raise NotFound(f"Technician {technician_id} does not exist.")
        return row

    async def find(self, technician_id: uuid.UUID, *, lock: bool = False) -> TechnicianRow | None:
        return await self.session.get(TechnicianRow, technician_id, with_for_update=lock)

    async def page(
        self,
        *,
        point_id: uuid.UUID,
        scope: Scope,
        status: str | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[TechnicianRow], str | None]:
        stmt: Any = select(TechnicianRow).where(TechnicianRow.point_id == point_id)
        if scope.technician_id is not None:
            stmt = stmt.where(TechnicianRow.id == scope.technician_id)
        if status is not None:
            stmt = stmt.where(TechnicianRow.status == status)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=TechnicianRow.__table__.c.updated_at,
            id_col=TechnicianRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )
