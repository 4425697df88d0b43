"""Queue webhook deliveries: one per subscription whose patterns and owner admit the event."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.events import Envelope, encode
from intake.adapters.tables import WebhookDeliveryRow, WebhookSubscriptionRow
from intake.domain.audience import STAFF, Facts, Owner, admits, matches


async def active_patterns(session: AsyncSession) -> frozenset[str]:
    """Every event pattern some active subscription holds (each once)."""
    sub = WebhookSubscriptionRow
    pattern = func.jsonb_array_elements_text(sub.events)
    rows = await session.scalars(select(pattern).where(sub.active.is_(True)).distinct())
    return frozenset(rows)


async def enqueue(session: AsyncSession, envelope: Envelope[Any], facts: Facts) -> int:
    """One pending delivery per active subscription that may see ``envelope``."""
    sub = WebhookSubscriptionRow
    # Only the owners the facts could admit are read; ``admits`` has the last word.
    owners: list[ColumnElement[bool]] = [sub.owner_role.in_((STAFF, "app"))]
    for role, scope in (
        ("crm", facts.tenant_id),
        ("point", facts.point_id),
        ("technician", facts.technician_id),
    ):
        if scope is not None:
            owners.append(and_(sub.owner_role == role, sub.owner_scope == scope))
    stmt = select(sub).where(sub.active.is_(True), or_(*owners))
    subscriptions = [
        s
        for s in (await session.execute(stmt)).scalars()
        if matches(s.events, envelope.type)
        and envelope.time >= s.active_since
        and admits(Owner(s.owner_role, s.owner_scope), envelope.type, facts)
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
                    "aggregate_id": envelope.aggregate_id,
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
