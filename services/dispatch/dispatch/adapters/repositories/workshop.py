"""A point's product in/out register."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dispatch.adapters.tables.jobs import JobRow
from dispatch.adapters.tables.workshop import RepairCardRow


async def workshop_register(
    session: AsyncSession,
    point_id: uuid.UUID,
    *,
    status: str,
    received_before: datetime | None,
    limit: int,
) -> list[tuple[RepairCardRow, JobRow]]:
    """The point's products taken in (``in``: not returned yet), oldest first."""
    stmt = (
        select(RepairCardRow, JobRow)
        .join(JobRow, JobRow.id == RepairCardRow.job_id)
        .where(JobRow.point_id == point_id)
        .order_by(RepairCardRow.received_at, RepairCardRow.job_id)
        .limit(limit)
    )
    if status == "in":
        stmt = stmt.where(RepairCardRow.returned_at.is_(None))
    elif status == "out":
        stmt = stmt.where(RepairCardRow.returned_at.is_not(None))
    if received_before is not None:
        stmt = stmt.where(RepairCardRow.received_at < received_before)
    return [(r[0], r[1]) for r in (await session.execute(stmt)).all()]
