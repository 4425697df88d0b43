"""Queue webhook deliveries: one per subscription and version whose patterns and owner admit
the event."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.events import Envelope, encode
from intake.adapters.tables import WebhookDeliveryRow, WebhookSubscriptionRow
from intake.domain.event_catalogue import copies
from intake.domain.redaction import for_outsiders
from intake.integrations.domain.audience import STAFF, Facts, Owner, admits, matches


async def active_patterns(session: AsyncSession) -> frozenset[str]:
    """Every event pattern some active subscription holds (each once)."""
    sub = WebhookSubscriptionRow
    pattern = func.jsonb_array_elements_text(sub.events)
    rows = await session.scalars(select(pattern).where(sub.active.is_(True)).distinct())
    return frozenset(rows)


async def enqueue(
    session: AsyncSession,
    envelope: Envelope[Any],
    versions: list[str],
    facts: Facts,
    *,
    now: datetime,
) -> int:
    """One pending delivery per active subscription that may see ``envelope`` and per version
    of it (of ``versions``: its own subject and older ones) the subscription's patterns name,
    the newest first."""
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
    wanted = [
        (
            s,
            [
                v
                for v in versions
                if matches(s.events, v) and admits(Owner(s.owner_role, s.owner_scope), v, facts)
            ],
        )
        for s in (await session.execute(stmt)).scalars()
        if envelope.time >= s.active_since
    ]
    named = [v for v in versions if any(v in vs for _, vs in wanted)]
    if not named:
        return 0
    told: dict[bool, dict[str, tuple[uuid.UUID, bytes]]] = {}

    def made(staff: bool) -> dict[str, tuple[uuid.UUID, bytes]]:
        """Each version named, as staff or as anyone else may read it (redaction)."""
        if staff not in told:
            event = envelope if staff else for_outsiders(envelope)
            told[staff] = {e.type: (e.id, encode(e)) for e in copies(event, named)}
        return told[staff]

    rows = [
        {
            "id": uuid.uuid4(),
            "subscription_id": s.id,
            "event_id": copy[0],
            "aggregate_id": envelope.aggregate_id,
            "event_type": v,
            "payload": copy[1],
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
        }
        for s, vs in wanted
        for v in vs
        # an older version that cannot say it is not sent
        if (copy := made(s.owner_role == STAFF).get(v)) is not None
    ]
    if not rows:
        return 0
    await session.execute(pg_insert(WebhookDeliveryRow).values(rows).on_conflict_do_nothing())
    return len(rows)


async def drop(session: AsyncSession, subscription_id: uuid.UUID) -> None:
    """Every delivery of one subscription (queued, sent or failed), gone."""
    d = WebhookDeliveryRow
    await session.execute(delete(d).where(d.subscription_id == subscription_id))
