"""The worker that delivers queued webhook events to their receivers.

One receiver holds up no one:

- each delivery is done within ``INTAKE_WEBHOOK_TIMEOUT_S`` all told (the name's resolution
  and the connection included), and reads at most 64 KiB of the answer, which it throws away;
- each delivery runs in a task of its own, in a lane per subscription (one delivery of a
  subscription in flight per replica, a few of one owner's), and nothing waits for a batch: a
  slow receiver holds its own lane until its deadline, while the other subscriptions'
  deliveries go on, and an owner with many slow receivers holds its own few lanes only;
- in order per (subscription, aggregate): a delivery waits while an earlier one of its
  subscription and aggregate is pending (the claim is a lease, safe across replicas);
- a subscription whose receiver has accepted nothing for ``INTAKE_WEBHOOK_DISABLE_AFTER``
  (or that answered 410 Gone) is switched off, and ``intake.webhook.disabled.v1`` tells its
  owner through the owner's other subscriptions.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import httpx
from sqlalchemy import exists, func, update
from sqlalchemy.orm import aliased

from aftersales.database import Database
from aftersales.events import intake as events
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.leases import Lanes
from intake.adapters.tables import WebhookDeliveryRow, WebhookSubscriptionRow
from intake.integrations.adapters import sender
from intake.integrations.adapters.claims import claim_due_per_subscription
from intake.integrations.domain.audience import Owner, facts_for
from intake.integrations.domain.webhooks import (
    failing_reason,
    failing_too_long,
    next_attempt,
    signed_headers,
)
from intake.integrations.use_cases.policy import WebhookPolicy

log = get_logger(__name__)

GONE_REASON = "the receiver answered 410 Gone"


async def deliver_due(
    db: Database, client: httpx.AsyncClient, policy: WebhookPolicy, lanes: Lanes
) -> int:
    """Claim the first due delivery of each subscription not already being delivered to, as
    many as ``lanes`` has free, and start each in its lane; returns how many started. The
    caller waits for a lane to free up (``lanes.settle``), never for the batch."""
    earlier = aliased(WebhookDeliveryRow)
    # In order per aggregate: nothing while an earlier one of its lane is pending.
    in_turn = ~exists().where(
        earlier.subscription_id == WebhookDeliveryRow.subscription_id,
        earlier.aggregate_id == WebhookDeliveryRow.aggregate_id,
        earlier.status == "pending",
        earlier.seq < WebhookDeliveryRow.seq,
    )
    claimed = await claim_due_per_subscription(
        db,
        in_turn,
        lanes=lanes.free,
        per_owner=policy.lanes_per_owner,
        busy=lanes.busy,
        running=lanes.per_group,
    )
    for delivery_id, subscription_id, owner in claimed:
        lanes.start(subscription_id, _deliver_one(db, client, policy, delivery_id), owner)
    return len(claimed)


async def _deliver_one(
    db: Database, client: httpx.AsyncClient, policy: WebhookPolicy, delivery_id: uuid.UUID
) -> None:
    now = db.clock.now()
    async with db.sessionmaker() as session:
        delivery = await session.get(WebhookDeliveryRow, delivery_id)
        sub = (
            await session.get(WebhookSubscriptionRow, delivery.subscription_id)
            if delivery is not None
            else None
        )
        if delivery is None or sub is None:
            return  # its subscription was deleted meanwhile: nothing to send
        payload, url, active = delivery.payload, sub.url, sub.active
        keys = [policy.box.open(sub.secret)]
        if sub.previous_secret and sub.previous_secret_until and (sub.previous_secret_until > now):
            keys.append(policy.box.open(sub.previous_secret))
    if not active:
        await _record(
            db,
            delivery_id,
            sender.Outcome(None, "subscription disabled"),
            policy,
            final=True,
        )
        return
    headers = {
        **signed_headers(keys, str(delivery.event_id), payload, now=now),
        "user-agent": "aftersales-webhooks/1",
    }
    outcome = await sender.post(
        client,
        url,
        headers,
        payload,
        policy=policy.egress,
        deadline=policy.timeout_seconds,
        max_answer_bytes=policy.max_answer_bytes,
    )
    await _record(db, delivery_id, outcome, policy, gone=outcome.status_code == 410)


async def _record(
    db: Database,
    delivery_id: uuid.UUID,
    outcome: sender.Outcome,
    policy: WebhookPolicy,
    *,
    gone: bool = False,
    final: bool = False,
) -> None:
    """The attempt's outcome, and what it means for the subscription: a success ends its
    failing spell; a failure begins one, or, when the spell has lasted ``disable_after`` (or
    the receiver said 410), switches the subscription off and tells its owner."""
    async with db.uow() as uow:
        now = uow.now()
        d = await uow.session.get(WebhookDeliveryRow, delivery_id, with_for_update=True)
        if d is None:
            return  # its subscription was deleted while it was being sent
        d.attempts += 1
        d.last_status_code, d.last_error = outcome.status_code, outcome.error
        if outcome.delivered:
            d.status, d.delivered_at = "succeeded", now
        elif gone or final:
            d.status = "failed"
        else:
            retry_at = next_attempt(d.attempts, policy.retry_schedule, now)
            if retry_at is None:
                d.status = "failed"
            else:
                d.next_attempt_at = retry_at
        if not final:  # a delivery dropped because it was off says nothing of the receiver
            await _note_health(uow, d.subscription_id, outcome, policy, now, gone=gone)
        await uow.commit()


async def _note_health(
    uow: UnitOfWork,
    subscription_id: uuid.UUID,
    outcome: sender.Outcome,
    policy: WebhookPolicy,
    now: datetime,
    *,
    gone: bool,
) -> None:
    sub = WebhookSubscriptionRow
    if outcome.delivered:
        await uow.session.execute(
            update(sub)
            .where(sub.id == subscription_id, sub.failing_since.is_not(None))
            .values(failing_since=None)
        )
        return
    # Plain UPDATEs (no FOR UPDATE): the fan-out's inserts of new deliveries are not blocked.
    failing_since = await uow.session.scalar(
        update(sub)
        .where(sub.id == subscription_id)
        .values(failing_since=func.coalesce(sub.failing_since, now))
        .returning(sub.failing_since)
    )
    if gone:
        reason = GONE_REASON
    elif failing_too_long(failing_since, now, policy.disable_after):
        assert failing_since is not None
        reason = failing_reason(failing_since)
    else:
        return
    # Only the first to switch it off tells the owner (replicas may record at once).
    off = (
        await uow.session.execute(
            update(sub)
            .where(sub.id == subscription_id, sub.active.is_(True))
            .values(active=False, disabled_reason=reason, version=sub.version + 1, updated_at=now)
            .returning(sub.url, sub.owner_role, sub.owner_scope, sub.version)
        )
    ).one_or_none()
    if off is None:
        return
    facts = facts_for(Owner(off.owner_role, off.owner_scope))
    uow.publish(
        events.WebhookDisabled(
            subscription_id=subscription_id,
            url=off.url,
            reason=reason,
            failing_since=failing_since,
            tenant_id=facts.tenant_id,
            point_id=_uuid(facts.point_id),
            technician_id=_uuid(facts.technician_id),
            disabled_at=now,
        ),
        aggregate_id=subscription_id,
        aggregate_version=off.version,
    )
    log.warning("webhook.disabled", subscription_id=str(subscription_id), reason=reason)


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value is not None else None
    except ValueError:
        return None
