from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from dispatch.adapters.tables import JobRow


class JobRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, job_id: uuid.UUID, *, point_id: uuid.UUID | None = None) -> JobRow:
        row = await self.session.get(JobRow, job_id)
        if row is None or (point_id is not None and row.point_id != point_id):
            raise NotFound(f"Job {job_id} does not exist.")
        return row

    def add(self, row: JobRow) -> None:
        self.session.add(row)

    async def page(
        self,
        *,
        point_id: uuid.UUID | None,
        status: str | None,
        ticket_id: uuid.UUID | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[JobRow], str | None]:
        stmt: Any = select(JobRow)
        if point_id is not None:
            stmt = stmt.where(JobRow.point_id == point_id)
        if status is not None:
            stmt = stmt.where(JobRow.status == status)
        if ticket_id is not None:
            stmt = stmt.where(JobRow.ticket_id == ticket_id)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=JobRow.__table__.c.updated_at,
            id_col=JobRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )
