"""CRM webhook subscriptions, and the worker that delivers their queue."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select, update

from aftersales.db import Database, UnitOfWork
from aftersales.errors import NotFound, Unprocessable
from aftersales.events import Envelope
from aftersales.http.egress import EgressPolicy, EgressRefused, checked_address
from aftersales.logging import get_logger
from aftersales.sealed import SecretBox
from intake.adapters import webhook_queue, webhook_sender
from intake.adapters.tables import TicketRow, WebhookDeliveryRow, WebhookSubscriptionRow
from intake.domain.webhooks import check_patterns, new_secret, next_attempt
from intake.domain.webhooks import signature_header as sign_all

log = get_logger(__name__)
ROTATION_GRACE = timedelta(hours=24)
LEASE = timedelta(seconds=120)


async def fan_out(uow: UnitOfWork, event: Envelope[Any]) -> None:
    """Queue one of intake's own events for every matching subscription of its tenant.

    Runs as a consumer of the INTAKE stream, off the request path; the inbox makes it once-only.
    """
    ticket = await uow.session.get(TicketRow, event.aggregate_id)
    tenant = ticket.tenant_id if ticket is not None else None
    await webhook_queue.enqueue(uow.session, event, tenant)


async def subscribe(
    uow: UnitOfWork,
    *,
    url: str,
    events: list[str],
    description: str | None,
    tenant: str | None,
    policy: EgressPolicy,
    box: SecretBox,
) -> WebhookSubscriptionRow:
    check_patterns(events)
    try:
        await checked_address(url, policy)
    except EgressRefused as exc:
        raise Unprocessable(str(exc)) from exc
    now = datetime.now(UTC)
    row = WebhookSubscriptionRow(
        id=uuid.uuid4(),
        tenant_id=tenant,
        url=url,
        events=list(events),
        description=description,
        secret=box.seal(new_secret()),
        active=True,
        active_since=now,
        version=1,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(row)
    await uow.session.flush()
    return row


async def list_subscriptions(uow: UnitOfWork, tenant: str | None) -> list[WebhookSubscriptionRow]:
    stmt = select(WebhookSubscriptionRow).order_by(WebhookSubscriptionRow.created_at)
    if tenant is not None:
        stmt = stmt.where(WebhookSubscriptionRow.tenant_id == tenant)
    return list((await uow.session.execute(stmt)).scalars())


async def get_subscription(
    uow: UnitOfWork, subscription_id: uuid.UUID, tenant: str | None, *, lock: bool = False
) -> WebhookSubscriptionRow:
    stmt = select(WebhookSubscriptionRow).where(WebhookSubscriptionRow.id == subscription_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None or (tenant is not None and row.tenant_id != tenant):
        raise NotFound(f"Webhook subscription {subscription_id} does not exist.")
    return row


async def rotate_secret(
    uow: UnitOfWork, subscription_id: uuid.UUID, tenant: str | None, box: SecretBox
) -> WebhookSubscriptionRow:
    """A new secret; the old one keeps signing too for 24 h, so receivers can switch over."""
    row = await get_subscription(uow, subscription_id, tenant, lock=True)
    now = datetime.now(UTC)
    row.previous_secret, row.previous_secret_until = row.secret, now + ROTATION_GRACE
    row.secret = box.seal(new_secret())
    row.version += 1
    row.updated_at = now
    await uow.session.flush()
    return row


async def set_active(
    uow: UnitOfWork, subscription_id: uuid.UUID, tenant: str | None, active: bool
) -> WebhookSubscriptionRow:
    row = await get_subscription(uow, subscription_id, tenant, lock=True)
    if active and not row.active:
        row.active_since = datetime.now(UTC)  # what happened while it was off stays undelivered
    row.active = active
    row.disabled_reason = None if active else "disabled by the owner"
    row.version += 1
    row.updated_at = datetime.now(UTC)
    await uow.session.flush()
    return row


async def list_deliveries(
    uow: UnitOfWork, subscription_id: uuid.UUID, tenant: str | None, limit: int
) -> list[WebhookDeliveryRow]:
    await get_subscription(uow, subscription_id, tenant)
    stmt = (
        select(WebhookDeliveryRow)
        .where(WebhookDeliveryRow.subscription_id == subscription_id)
        .order_by(WebhookDeliveryRow.created_at.desc())
        .limit(limit)
    )
    return list((await uow.session.execute(stmt)).scalars())


async def redeliver(
    uow: UnitOfWork, subscription_id: uuid.UUID, delivery_id: uuid.UUID, tenant: str | None
) -> WebhookDeliveryRow:
    await get_subscription(uow, subscription_id, tenant)
    row = await uow.session.get(WebhookDeliveryRow, delivery_id, with_for_update=True)
    if row is None or row.subscription_id != subscription_id:
        raise NotFound(f"Delivery {delivery_id} does not exist.")
    row.status, row.next_attempt_at = "pending", datetime.now(UTC)
    await uow.session.flush()
    return row


@dataclass(frozen=True)
class DeliverySettings:
    schedule: list[int]
    policy: EgressPolicy
    box: SecretBox
    batch: int = 20


async def deliver_due(db: Database, client: httpx.AsyncClient, settings: DeliverySettings) -> int:
    """Claim due deliveries with a lease, send them, record each outcome. Safe on replicas."""
    now = datetime.now(UTC)
    async with db.sessionmaker() as session, session.begin():
        due = (
            select(WebhookDeliveryRow.id)
            .where(
                WebhookDeliveryRow.status == "pending", WebhookDeliveryRow.next_attempt_at <= now
            )
            .order_by(WebhookDeliveryRow.next_attempt_at)
            .limit(settings.batch)
            .with_for_update(skip_locked=True)
        )
        claimed = list(
            (
                await session.execute(
                    update(WebhookDeliveryRow)
                    .where(WebhookDeliveryRow.id.in_(due.scalar_subquery()))
                    .values(next_attempt_at=now + LEASE)
                    .returning(WebhookDeliveryRow.id)
                )
            ).scalars()
        )
    await asyncio.gather(*(_deliver_one(db, client, settings, d) for d in claimed))
    return len(claimed)


async def _deliver_one(
    db: Database, client: httpx.AsyncClient, settings: DeliverySettings, delivery_id: uuid.UUID
) -> None:
    async with db.sessionmaker() as session:
        delivery = await session.get(WebhookDeliveryRow, delivery_id)
        assert delivery is not None
        sub = await session.get(WebhookSubscriptionRow, delivery.subscription_id)
        assert sub is not None
        payload, url, active = delivery.payload, sub.url, sub.active
        keys = [settings.box.open(sub.secret)]
        if (
            sub.previous_secret
            and sub.previous_secret_until
            and (sub.previous_secret_until > datetime.now(UTC))
        ):
            keys.append(settings.box.open(sub.previous_secret))
    if not active:
        await _record(
            db,
            delivery_id,
            webhook_sender.Outcome(None, "subscription disabled"),
            settings,
            final=True,
        )
        return
    timestamp = int(datetime.now(UTC).timestamp())
    msg_id = str(delivery.event_id)
    headers = {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign_all(keys, msg_id, timestamp, payload),
        "user-agent": "aftersales-webhooks/1",
    }
    outcome = await webhook_sender.post(client, url, headers, payload, policy=settings.policy)
    await _record(db, delivery_id, outcome, settings, gone=outcome.status_code == 410)


async def _record(
    db: Database,
    delivery_id: uuid.UUID,
    outcome: webhook_sender.Outcome,
    settings: DeliverySettings,
    *,
    gone: bool = False,
    final: bool = False,
) -> None:
    now = datetime.now(UTC)
    async with db.sessionmaker() as session, session.begin():
        d = await session.get(WebhookDeliveryRow, delivery_id, with_for_update=True)
        assert d is not None
        d.attempts += 1
        d.last_status_code, d.last_error = outcome.status_code, outcome.error
        values: dict[str, Any] = {}
        if outcome.delivered:
            d.status, d.delivered_at = "succeeded", now
        elif gone or final:
            d.status = "failed"
        else:
            retry_at = next_attempt(d.attempts, settings.schedule, now)
            if retry_at is None:
                d.status = "failed"
            else:
                d.next_attempt_at = retry_at
        if gone:
            values = {
                "active": False,
                "updated_at": now,
                "disabled_reason": "the receiver answered 410 Gone",
            }
            await session.execute(
                update(WebhookSubscriptionRow)
                .where(WebhookSubscriptionRow.id == d.subscription_id)
                .values(**values)
            )
            log.warning("webhook.disabled_by_410", subscription_id=str(d.subscription_id))


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
