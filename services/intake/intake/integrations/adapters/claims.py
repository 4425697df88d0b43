"""Claiming due webhook deliveries fairly: one per subscription, a few per owner, owners taking
turns (the lease itself is :mod:`intake.adapters.leases`'s)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import ColumnElement, func, select, true, update

from aftersales.database import Database
from intake.adapters.leases import LEASE
from intake.adapters.tables import WebhookDeliveryRow, WebhookSubscriptionRow


def owner_key(role: str, scope: str | None) -> str:
    """One webhook owner (a CRM tenant, a point, a technician, the app, the staff) as text."""
    return f"{role}:{scope or ''}"


async def claim_due_per_subscription(
    db: Database,
    *conditions: ColumnElement[bool],
    lanes: int,
    per_owner: int,
    busy: Collection[Any] = (),
    running: Mapping[str, int] | None = None,
) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """Up to ``lanes`` due webhook deliveries that also meet ``conditions``: the one due first
    of each subscription not in ``busy``, and at most ``per_owner`` in flight per owner
    (``running`` counts those already in flight, by :func:`owner_key`). Owners take turns:
    each one's first, then each one's second, and so on, longest waiting first. Returns
    (delivery id, subscription id, owner) triples.

    So one subscription with a long backlog takes one delivery per claim like any other, and
    one owner with many slow receivers holds ``per_owner`` lanes at most."""
    if lanes <= 0:
        return []
    running = running or {}
    full = [owner for owner, n in running.items() if n >= per_owner]
    now = db.clock.now()
    d, s = WebhookDeliveryRow, WebhookSubscriptionRow
    due = (d.status == "pending", d.next_attempt_at <= now)
    keys = select(d.subscription_id.label("lane")).where(*due)
    if busy:
        keys = keys.where(d.subscription_id.not_in(list(busy)))
    waiting = keys.distinct().subquery("waiting")
    first = (
        select(d.id.label("id"), d.next_attempt_at.label("due_at"))
        .where(d.subscription_id == waiting.c.lane, *due, *conditions)
        .order_by(d.next_attempt_at)
        .limit(1)
        .with_for_update(skip_locked=True)
        .lateral("first_due")
    )
    owner = func.concat(s.owner_role, ":", func.coalesce(s.owner_scope, ""))
    ranked = (
        select(
            first.c.id,
            waiting.c.lane,
            owner.label("owner"),
            first.c.due_at,
            func.row_number().over(partition_by=owner, order_by=first.c.due_at).label("turn"),
        )
        .select_from(waiting.join(s, s.id == waiting.c.lane).join(first, true()))
        .where(owner.not_in(full) if full else true())
        .subquery("ranked")
    )
    picked = (
        select(ranked.c.id, ranked.c.lane, ranked.c.owner)
        .where(ranked.c.turn <= per_owner)
        .order_by(ranked.c.turn, ranked.c.due_at)
        .limit(lanes)
    )
    async with db.sessionmaker() as session, session.begin():
        found: list[tuple[uuid.UUID, uuid.UUID, str]] = []
        taken: dict[str, int] = {}
        for r in await session.execute(picked):
            if running.get(r.owner, 0) + taken.get(r.owner, 0) < per_owner:
                found.append((r.id, r.lane, r.owner))
                taken[r.owner] = taken.get(r.owner, 0) + 1
        if found:
            await session.execute(
                update(d)
                .where(d.id.in_([i for i, _, _ in found]))
                .values(next_attempt_at=now + LEASE)
            )
        return found
