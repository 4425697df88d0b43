"""Webhook subscriptions: made, listed, switched on and off, their secrets rotated and resealed,
removed with their delivery log; and their deliveries listed and sent again. What is queued for
them is :mod:`intake.integrations.use_cases.fan_out`."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, func, select, true

from aftersales.database import Database
from aftersales.errors import Conflict, NotFound, Unprocessable
from aftersales.http.egress import EgressRefused, checked_address
from aftersales.logging import get_logger
from aftersales.sealed import SecretBox
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.tables import WebhookDeliveryRow, WebhookSubscriptionRow
from intake.integrations.adapters import queue
from intake.integrations.domain.audience import Owner, check_reach
from intake.integrations.domain.webhooks import check_patterns, new_secret
from intake.integrations.use_cases.fan_out import Listen, available_subjects
from intake.integrations.use_cases.policy import WebhookPolicy

log = get_logger(__name__)
ROTATION_GRACE = timedelta(hours=24)


async def subscribe(
    uow: UnitOfWork,
    *,
    url: str,
    events: list[str],
    description: str | None,
    owner: Owner,
    policy: WebhookPolicy,
    listen: Listen,
) -> WebhookSubscriptionRow:
    """A new subscription, active from the moment the fan-out listens for its events
    (``listen`` runs in this transaction, before its commit). An owner has ``per_owner``
    subscriptions at most, active or not: disabling one makes no room, deleting one does."""
    now = uow.now()
    check_patterns(events)
    check_reach(owner, events, available_subjects(policy.sunsets, now.date()))
    try:
        await checked_address(url, policy.egress)
    except EgressRefused as exc:
        raise Unprocessable(str(exc)) from exc
    await _check_room(uow, owner, policy.per_owner, active_only=False)
    row = WebhookSubscriptionRow(
        id=uuid.uuid4(),
        tenant_id=owner.scope if owner.role == "crm" else None,
        owner_role=owner.role,
        owner_scope=owner.scope,
        url=url,
        events=list(events),
        description=description,
        secret=policy.box.seal(new_secret()),
        active=True,
        active_since=now,
        version=1,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(row)
    await uow.session.flush()
    await listen(uow)
    row.active_since = uow.now()  # every event from here on reaches the fan-out
    await uow.session.flush()
    return row


async def _check_room(uow: UnitOfWork, owner: Owner, per_owner: int, *, active_only: bool) -> None:
    """Refuse one more subscription beyond ``per_owner`` for this very owner (a CRM tenant, a
    point, a technician, the app, the staff). A new one counts against every subscription the
    owner has, disabled ones included (else creating, disabling and creating again would grow
    without end); enabling one, against the active ones (an owner from before the cap may
    hold more). Two creates at once queue on the owner's lock, so both cannot slip under."""
    key = func.hashtextextended(f"intake.webhooks:{owner.role}:{owner.scope or ''}", 0)
    await uow.session.execute(select(func.pg_advisory_xact_lock(key)))
    sub = WebhookSubscriptionRow
    scope = sub.owner_scope.is_(None) if owner.scope is None else sub.owner_scope == owner.scope
    counted = select(func.count()).select_from(sub).where(sub.owner_role == owner.role, scope)
    if active_only:
        counted = counted.where(sub.active.is_(True))
    if (await uow.session.scalar(counted) or 0) < per_owner:
        return
    if active_only:
        raise Conflict(
            f"At most {per_owner} active webhook subscriptions per owner"
            " (INTAKE_WEBHOOKS_PER_OWNER); disable or delete one first."
        )
    raise Conflict(
        f"At most {per_owner} webhook subscriptions per owner (INTAKE_WEBHOOKS_PER_OWNER),"
        " disabled ones included; delete one you no longer need first"
        " (DELETE /v1/webhooks/{id})."
    )


def _owned_by(owner: Owner) -> Any:
    """Staff see every subscription; anyone else only those made under the same scope."""
    sub = WebhookSubscriptionRow
    if owner.is_staff:
        return true()
    scope = sub.owner_scope.is_(None) if owner.scope is None else sub.owner_scope == owner.scope
    return and_(sub.owner_role == owner.role, scope)


async def list_subscriptions(uow: UnitOfWork, owner: Owner) -> list[WebhookSubscriptionRow]:
    stmt = (
        select(WebhookSubscriptionRow)
        .where(_owned_by(owner))
        .order_by(WebhookSubscriptionRow.created_at)
    )
    return list((await uow.session.execute(stmt)).scalars())


async def get_subscription(
    uow: UnitOfWork, subscription_id: uuid.UUID, owner: Owner, *, lock: bool = False
) -> WebhookSubscriptionRow:
    stmt = select(WebhookSubscriptionRow).where(
        WebhookSubscriptionRow.id == subscription_id, _owned_by(owner)
    )
    if lock:
        stmt = stmt.with_for_update()
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise NotFound(f"Webhook subscription {subscription_id} does not exist.")
    return row


async def rotate_secret(
    uow: UnitOfWork, subscription_id: uuid.UUID, owner: Owner, *, policy: WebhookPolicy
) -> WebhookSubscriptionRow:
    """A new secret; the old one keeps signing too for 24 h, so receivers can switch over."""
    row = await get_subscription(uow, subscription_id, owner, lock=True)
    now = uow.now()
    row.previous_secret, row.previous_secret_until = row.secret, now + ROTATION_GRACE
    row.secret = policy.box.seal(new_secret())
    row.version += 1
    row.updated_at = now
    await uow.session.flush()
    return row


async def set_active(
    uow: UnitOfWork,
    subscription_id: uuid.UUID,
    owner: Owner,
    active: bool,
    listen: Listen,
    *,
    policy: WebhookPolicy,
) -> WebhookSubscriptionRow:
    row = await get_subscription(uow, subscription_id, owner, lock=True)
    if active and not row.active:
        # Counted against the subscription's own owner (staff may enable anyone's).
        await _check_room(
            uow, Owner(row.owner_role, row.owner_scope), policy.per_owner, active_only=True
        )
        row.failing_since = None  # a fresh start: the failing spell begins again
        row.active = True
        await uow.session.flush()
        await listen(uow)
        row.active_since = uow.now()  # what happened while it was off stays undelivered
    row.active = active
    row.disabled_reason = None if active else "disabled by the owner"
    row.version += 1
    row.updated_at = uow.now()
    await uow.session.flush()
    return row


async def delete_subscription(
    uow: UnitOfWork, subscription_id: uuid.UUID, owner: Owner
) -> WebhookSubscriptionRow:
    """Remove one of the owner's subscriptions (staff may remove anyone's) with its whole
    delivery log, queued deliveries included: none is sent after this commits. Returns the
    subscription as it was, for the audit trail.

    The deliveries go first, then the subscription under ``FOR UPDATE``, then any delivery
    the fan-out queued in between: the worker locks a delivery before its subscription, and
    the fan-out's new deliveries wait on the subscription's lock, so neither deadlocks with
    this nor is left pointing at nothing."""
    await get_subscription(uow, subscription_id, owner)  # 404 for a stranger's, before any lock
    await queue.drop(uow.session, subscription_id)
    row = await get_subscription(uow, subscription_id, owner, lock=True)
    await queue.drop(uow.session, subscription_id)
    await uow.session.delete(row)
    await uow.session.flush()
    return row


async def list_deliveries(
    uow: UnitOfWork, subscription_id: uuid.UUID, owner: Owner, limit: int
) -> list[WebhookDeliveryRow]:
    await get_subscription(uow, subscription_id, owner)
    stmt = (
        select(WebhookDeliveryRow)
        .where(WebhookDeliveryRow.subscription_id == subscription_id)
        .order_by(WebhookDeliveryRow.seq.desc())
        .limit(limit)
    )
    return list((await uow.session.execute(stmt)).scalars())


async def redeliver(
    uow: UnitOfWork, subscription_id: uuid.UUID, delivery_id: uuid.UUID, owner: Owner
) -> WebhookDeliveryRow:
    await get_subscription(uow, subscription_id, owner)
    row = await uow.session.get(WebhookDeliveryRow, delivery_id, with_for_update=True)
    if row is None or row.subscription_id != subscription_id:
        raise NotFound(f"Delivery {delivery_id} does not exist.")
    row.status, row.next_attempt_at = "pending", uow.now()
    await uow.session.flush()
    return row


async def reseal_secrets(db: Database, box: SecretBox) -> int:
    """Seal every secret stored in plain text or under an older key with the newest key."""
    resealed = 0
    async with db.uow() as uow:
        rows = await uow.session.scalars(select(WebhookSubscriptionRow).with_for_update())
        for row in rows:
            if not box.is_current(row.secret):
                row.secret = box.reseal(row.secret)
                resealed += 1
            if row.previous_secret and not box.is_current(row.previous_secret):
                row.previous_secret = box.reseal(row.previous_secret)
                resealed += 1
        await uow.commit()
    return resealed
