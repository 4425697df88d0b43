"""Claiming due rows of a durable send queue (webhook deliveries, customer messages).

Rows are ``pending`` with a ``next_attempt_at``. A worker claims a batch by moving their
``next_attempt_at`` a lease ahead, under ``FOR UPDATE SKIP LOCKED``: replicas never claim the
same row, and a worker that dies lets its rows fall due again when the lease ends.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, select, update

from aftersales.db import Database

LEASE = timedelta(seconds=120)


async def claim_due(
    db: Database, row: Any, *conditions: ColumnElement[bool], batch: int
) -> list[uuid.UUID]:
    """The ids of up to ``batch`` due rows of ``row``'s table that also meet ``conditions``."""
    now = datetime.now(UTC)
    async with db.sessionmaker() as session, session.begin():
        due = (
            select(row.id)
            .where(row.status == "pending", row.next_attempt_at <= now, *conditions)
            .order_by(row.next_attempt_at)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
        claimed = await session.execute(
            update(row)
            .where(row.id.in_(due.scalar_subquery()))
            .values(next_attempt_at=now + LEASE)
            .returning(row.id)
        )
        return list(claimed.scalars())
