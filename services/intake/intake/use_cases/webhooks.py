"""Webhook subscriptions for every service's events, and the worker that delivers them."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import and_, exists, select, true, update
from sqlalchemy.orm import aliased

from aftersales.db import Database, UnitOfWork
from aftersales.errors import NotFound, Unprocessable
from aftersales.events import REGISTRY as BUS
from aftersales.events import Envelope
from aftersales.http.egress import EgressPolicy, EgressRefused, checked_address
from aftersales.logging import get_logger
from aftersales.sealed import SecretBox
from intake.adapters import webhook_queue, webhook_sender
from intake.adapters.leases import claim_due
from intake.adapters.tables import TicketRow, WebhookDeliveryRow, WebhookSubscriptionRow
from intake.domain import event_catalogue
from intake.domain.audience import Owner, check_reach, event_types, facts_of, matches
from intake.domain.webhooks import check_patterns, new_secret, next_attempt, signed_headers

log = get_logger(__name__)
ROTATION_GRACE = timedelta(hours=24)


def sunsets_of(settings: Any) -> event_catalogue.Sunsets:
    """The sunset dates of older event versions set for this deployment (none by default)."""
    return getattr(settings, "event_sunsets", None) or {}


def versions_of(sunsets: event_catalogue.Sunsets, subject: str) -> list[str]:
    """``subject`` and the older versions integrators may still subscribe to, newest first."""
    return event_catalogue.subjects_of(subject, sunsets, datetime.now(UTC).date())


def available_subjects(sunsets: event_catalogue.Sunsets) -> list[str]:
    """Every subject an integrator may subscribe to today (retired versions left out)."""
    today = datetime.now(UTC).date()
    return [
        s
        for s in sorted(event_catalogue.REGISTRY)
        if not event_catalogue.retired(s, sunsets, today)
    ]


def event_catalogue_for(
    sunsets: event_catalogue.Sunsets, owner: Owner
) -> list[event_catalogue.EventType]:
    subjects = event_types(owner, available_subjects(sunsets))
    return event_catalogue.catalogue(subjects, sunsets, datetime.now(UTC).date())


# Make the fan-out consumers listen for what the active subscriptions name, as of ``uow``
# (``ConsumerRunner.refilter`` of each): called before a subscription's events may begin.
Listen = Callable[[UnitOfWork], Awaitable[None]]


async def listened_subjects(
    uow: UnitOfWork, producer: str, *, also: Iterable[str] = ()
) -> set[str]:
    """The subjects of ``producer`` on the bus that some active subscription names in one of
    their versions, and ``also`` (those that may concern a customer): what the fan-out's
    consumer of that stream is delivered at all."""
    patterns = await webhook_queue.active_patterns(uow.session)
    sunsets = sunsets_of(uow.db.settings)
    return {
        s
        for s in BUS
        if s.startswith(f"{producer}.")
        and (s in also or any(matches(patterns, v) for v in versions_of(sunsets, s)))
    }


async def fan_out(uow: UnitOfWork, event: Envelope[Any]) -> None:
    """Queue one event, intake's own or another service's, for every subscription that may
    see it, in each version the subscription asked for (down-converted from the one on the
    bus). Runs as a consumer of each producer's stream, off the request path; the inbox makes
    it once-only. A ticket's tenant comes from intake's own tickets."""
    ticket_id = getattr(event.data, "ticket_id", None)
    tenant = None
    if ticket_id is not None:
        tenant = await uow.session.scalar(
            select(TicketRow.tenant_id).where(TicketRow.id == ticket_id)
        )
    await webhook_queue.enqueue(
        uow.session,
        event,
        versions_of(sunsets_of(uow.db.settings), event.type),
        facts_of(event.data, tenant),
    )


async def listened(uow: UnitOfWork) -> Callable[[Envelope[Any]], bool]:
    """Which events some active subscription's patterns match, in any version it may be sent
    as, as of now: the consumers' relevance check, so that an event nobody subscribed to costs
    no inbox row, no ticket lookup and no savepoint. :func:`fan_out` still decides who may see
    an event."""
    patterns = await webhook_queue.active_patterns(uow.session)
    sunsets = sunsets_of(uow.db.settings)
    known: dict[str, bool] = {}

    def wanted(event: Envelope[Any]) -> bool:
        if event.type not in known:
            versions = versions_of(sunsets, event.type)
            known[event.type] = any(matches(patterns, s) for s in versions)
        return known[event.type]

    return wanted


async def subscribe(
    uow: UnitOfWork,
    *,
    url: str,
    events: list[str],
    description: str | None,
    owner: Owner,
    policy: EgressPolicy,
    box: SecretBox,
    sunsets: event_catalogue.Sunsets,
    listen: Listen,
) -> WebhookSubscriptionRow:
    """A new subscription, active from the moment the fan-out listens for its events
    (``listen`` runs in this transaction, before its commit)."""
    check_patterns(events)
    check_reach(owner, events, available_subjects(sunsets))
    try:
        await checked_address(url, policy)
    except EgressRefused as exc:
        raise Unprocessable(str(exc)) from exc
    now = datetime.now(UTC)
    row = WebhookSubscriptionRow(
        id=uuid.uuid4(),
        tenant_id=owner.scope if owner.role == "crm" else None,
        owner_role=owner.role,
        owner_scope=owner.scope,
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
    await listen(uow)
    row.active_since = datetime.now(UTC)  # every event from here on reaches the fan-out
    await uow.session.flush()
    return row


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
    uow: UnitOfWork, subscription_id: uuid.UUID, owner: Owner, box: SecretBox
) -> WebhookSubscriptionRow:
    """A new secret; the old one keeps signing too for 24 h, so receivers can switch over."""
    row = await get_subscription(uow, subscription_id, owner, lock=True)
    now = datetime.now(UTC)
    row.previous_secret, row.previous_secret_until = row.secret, now + ROTATION_GRACE
    row.secret = box.seal(new_secret())
    row.version += 1
    row.updated_at = now
    await uow.session.flush()
    return row


async def set_active(
    uow: UnitOfWork, subscription_id: uuid.UUID, owner: Owner, active: bool, listen: Listen
) -> WebhookSubscriptionRow:
    row = await get_subscription(uow, subscription_id, owner, lock=True)
    if active and not row.active:
        row.active = True
        await uow.session.flush()
        await listen(uow)
        row.active_since = datetime.now(UTC)  # what happened while it was off stays undelivered
    row.active = active
    row.disabled_reason = None if active else "disabled by the owner"
    row.version += 1
    row.updated_at = datetime.now(UTC)
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
    earlier = aliased(WebhookDeliveryRow)
    # In order per aggregate: nothing while an earlier one of its lane is pending.
    in_turn = ~exists().where(
        earlier.subscription_id == WebhookDeliveryRow.subscription_id,
        earlier.aggregate_id == WebhookDeliveryRow.aggregate_id,
        earlier.status == "pending",
        earlier.seq < WebhookDeliveryRow.seq,
    )
    claimed = await claim_due(db, WebhookDeliveryRow, in_turn, batch=settings.batch)
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
    headers = {
        **signed_headers(keys, str(delivery.event_id), payload),
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
