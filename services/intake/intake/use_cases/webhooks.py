"""Webhook subscriptions for every service's events: what is queued for whom, and the
subscriptions' management. The worker that delivers them is
:mod:`intake.use_cases.webhook_delivery`."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select, true

from aftersales.db import Database, UnitOfWork
from aftersales.errors import Conflict, NotFound, Unprocessable
from aftersales.events import REGISTRY as BUS
from aftersales.events import Envelope
from aftersales.http.egress import EgressPolicy, EgressRefused, checked_address
from aftersales.logging import get_logger
from aftersales.sealed import SecretBox
from intake.adapters import webhook_queue
from intake.adapters.tables import TicketRow, WebhookDeliveryRow, WebhookSubscriptionRow
from intake.domain import event_catalogue
from intake.domain.audience import Owner, check_reach, event_types, facts_of, matches
from intake.domain.webhooks import check_patterns, new_secret

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
    per_owner: int = 20,
) -> WebhookSubscriptionRow:
    """A new subscription, active from the moment the fan-out listens for its events
    (``listen`` runs in this transaction, before its commit). An owner has ``per_owner``
    subscriptions at most, active or not: disabling one makes no room, deleting one does."""
    check_patterns(events)
    check_reach(owner, events, available_subjects(sunsets))
    try:
        await checked_address(url, policy)
    except EgressRefused as exc:
        raise Unprocessable(str(exc)) from exc
    await _check_room(uow, owner, per_owner, active_only=False)
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
    uow: UnitOfWork,
    subscription_id: uuid.UUID,
    owner: Owner,
    active: bool,
    listen: Listen,
    per_owner: int = 20,
) -> WebhookSubscriptionRow:
    row = await get_subscription(uow, subscription_id, owner, lock=True)
    if active and not row.active:
        # Counted against the subscription's own owner (staff may enable anyone's).
        await _check_room(uow, Owner(row.owner_role, row.owner_scope), per_owner, active_only=True)
        row.failing_since = None  # a fresh start: the failing spell begins again
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
    await webhook_queue.drop(uow.session, subscription_id)
    row = await get_subscription(uow, subscription_id, owner, lock=True)
    await webhook_queue.drop(uow.session, subscription_id)
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
    row.status, row.next_attempt_at = "pending", datetime.now(UTC)
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
