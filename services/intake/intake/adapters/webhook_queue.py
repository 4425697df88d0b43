"""Enqueue webhook deliveries in the same transaction as the change they report."""

from __future__ import annotations

import fnmatch
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.events import Envelope, encode
from intake.adapters.tables import WebhookDeliveryRow, WebhookSubscriptionRow


def matches(patterns: list[str], subject: str) -> bool:
    """NATS-style patterns: ``*`` one token, ``>`` the rest; ``intake.ticket.*.v1``."""
    tokens = subject.split(".")
    for pattern in patterns:
        parts = pattern.split(".")
        if (
            parts[-1] == ">"
            and len(tokens) >= len(parts)
            and all(p in ("*", t) for p, t in zip(parts[:-1], tokens, strict=False))
        ):
            return True
        if len(parts) == len(tokens) and all(
            p == "*" or fnmatch.fnmatchcase(t, p) for p, t in zip(parts, tokens, strict=True)
        ):
            return True
    return False


async def enqueue(session: AsyncSession, envelope: Envelope[Any], tenant_id: str | None) -> int:
    """One pending delivery per active subscription of the tenant whose patterns match."""
    stmt = select(WebhookSubscriptionRow).where(WebhookSubscriptionRow.active.is_(True))
    if tenant_id is not None:
        stmt = stmt.where(
            (WebhookSubscriptionRow.tenant_id == tenant_id)
            | WebhookSubscriptionRow.tenant_id.is_(None)
        )
    else:
        stmt = stmt.where(WebhookSubscriptionRow.tenant_id.is_(None))
    subscriptions = [
        s
        for s in (await session.execute(stmt)).scalars()
        if matches(s.events, envelope.type) and envelope.time >= s.active_since
    ]
    if not subscriptions:
        return 0
    now = datetime.now(UTC)
    body = encode(envelope)
    await session.execute(
        pg_insert(WebhookDeliveryRow)
        .values(
            [
                {
                    "id": uuid.uuid4(),
                    "subscription_id": s.id,
                    "event_id": envelope.id,
                    "event_type": envelope.type,
                    "payload": body,
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                }
                for s in subscriptions
            ]
        )
        .on_conflict_do_nothing()
    )
    return len(subscriptions)
