"""Retention of the platform tables, so they do not grow without bound.

- sent outbox rows: kept ``outbox_retention_days`` (for inspection), then deleted;
- inbox rows: kept as long as the streams keep messages (90 days), since only a message still
  in a stream can be delivered again;
- idempotency keys: deleted once expired (24 h by default).
Safe to run on every replica at once: each is a plain DELETE of rows nobody needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete

from aftersales.database import Database
from aftersales.messaging.streams import MAX_AGE_SECONDS


@dataclass(frozen=True)
class Purged:
    outbox: int
    inbox: int
    idempotency_keys: int


async def purge(db: Database, *, outbox_retention_days: int = 7) -> Purged:
    now = datetime.now(UTC)
    tables = db.platform
    async with db.sessionmaker() as session, session.begin():
        outbox = await session.execute(
            delete(tables.outbox).where(
                tables.outbox.c.sent_at.is_not(None),
                tables.outbox.c.sent_at < now - timedelta(days=outbox_retention_days),
            )
        )
        inbox = await session.execute(
            delete(tables.inbox).where(
                tables.inbox.c.processed_at < now - timedelta(seconds=MAX_AGE_SECONDS)
            )
        )
        keys = await session.execute(
            delete(tables.idempotency_keys).where(tables.idempotency_keys.c.expires_at < now)
        )
    return Purged(
        outbox=int(outbox.rowcount or 0),  # type: ignore[attr-defined]
        inbox=int(inbox.rowcount or 0),  # type: ignore[attr-defined]
        idempotency_keys=int(keys.rowcount or 0),  # type: ignore[attr-defined]
    )
