"""The inbox: ``(consumer, event id)`` rows that make applying an event idempotent. A handler
runs in the same transaction (or savepoint) as the insert of its row, so a redelivered event
finds the row and is acked without running the handler again."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.database import Database
from aftersales.events import Envelope
from aftersales.messaging.subscriptions import Handler
from aftersales.unit_of_work import UnitOfWork


async def claim(uow: UnitOfWork, consumer: str, envelope: Envelope[Any]) -> bool:
    """Insert ``(consumer, event id)`` into the inbox; False when it is there already (the event
    was applied before, and this is a redelivery)."""
    inbox = uow.db.platform.inbox
    inserted = (
        await uow.session.execute(
            pg_insert(inbox)
            .values(consumer=consumer, event_id=envelope.id, subject=envelope.type)
            .on_conflict_do_nothing()
            .returning(inbox.c.event_id)
        )
    ).first()
    return inserted is not None


async def apply_once(
    db: Database, consumer: str, envelope: Envelope[Any], handler: Handler
) -> bool:
    """Run ``handler`` in one transaction guarded by the inbox. False when already applied."""
    async with db.uow() as uow:
        if not await claim(uow, consumer, envelope):
            return False
        await handler(uow, envelope)
        await uow.commit()
    return True
