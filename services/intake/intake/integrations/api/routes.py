"""Webhook subscriptions to every service's events (Standard Webhooks signatures), scoped by
the caller's token, and their delivery log."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit, record
from aftersales.auth import Principal, require_roles
from aftersales.errors import Unavailable
from aftersales.http.deps import ClockDep, DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.sealed import SecretBox
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.tables import WebhookSubscriptionRow
from intake.integrations.api.deps import WebhookPolicyDep
from intake.integrations.api.schemas import (
    DeliveryOut,
    EventTypeOut,
    WebhookIn,
    WebhookOut,
    WebhookWithSecret,
)
from intake.integrations.domain.audience import owner_of
from intake.integrations.use_cases import fan_out
from intake.integrations.use_cases import subscriptions as use_cases

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])
# Every integrator subscribes here, to every service's events, within its token's scope.
Subscribers = require_roles("admin", "agent", "crm", "point", "technician", "app")


def _listen(request: Request) -> fan_out.Listen:
    """The fan-out consumers of this process, told to listen for what the subscriptions name
    (the broker's filter is one per consumer, whichever replica sets it)."""
    runners = [r for r in request.app.state.runners if r.subscription.listening is not None]

    async def listen(uow: UnitOfWork) -> None:
        try:
            for runner in runners:
                await runner.refilter(uow)
        except Exception as exc:
            raise Unavailable(
                "The event broker cannot be reached, so the subscription could not begin;"
                " nothing was changed. Try again shortly."
            ) from exc

    return listen


def _out(row: WebhookSubscriptionRow) -> WebhookOut:
    return WebhookOut.model_validate(row, from_attributes=True)


def _with_secret(row: WebhookSubscriptionRow, box: SecretBox) -> WebhookWithSecret:
    """The one answer that shows the signing secret, opened from its sealed form."""
    shown = WebhookWithSecret.model_validate(row, from_attributes=True)
    return shown.model_copy(update={"secret": box.open(row.secret)})


def _webhook_now(
    subscription_id: uuid.UUID, principal: Principal
) -> Callable[[UnitOfWork], Awaitable[WebhookOut]]:
    async def load(uow: UnitOfWork) -> WebhookOut:
        return _out(await use_cases.get_subscription(uow, subscription_id, owner_of(principal)))

    return load


@router.post("", status_code=201, response_model=WebhookWithSecret)
async def create_webhook(
    body: WebhookIn,
    request: Request,
    db: DatabaseDep,
    policy: WebhookPolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Subscribers,
) -> Response:
    """Subscribe a URL to event subjects (NATS patterns), within the token's scope; the signing
    secret is shown in this answer only. An owner (a CRM tenant, a point, a technician, the
    app, the staff) has `INTAKE_WEBHOOKS_PER_OWNER` (20) subscriptions at most, disabled ones
    included: one more is a 409 (`DELETE /v1/webhooks/{id}` makes room)."""

    async def command(uow: UnitOfWork) -> WebhookWithSecret:
        row = await use_cases.subscribe(
            uow,
            url=body.url,
            events=body.events,
            description=body.description,
            owner=owner_of(principal),
            policy=policy,
            listen=_listen(request),
        )
        return _with_secret(row, policy.box)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda w: {"Location": f"/v1/webhooks/{w.id}"},  # type: ignore[attr-defined]
        audit=Audit("webhook_subscription", "created"),
    )


@router.get("/event-types", response_model=list[str])
async def list_event_types(
    policy: WebhookPolicyDep, clock: ClockDep, principal: Principal = Subscribers
) -> list[str]:
    """Every event subject the caller's token can receive (a point's offers, charges and grades;
    a technician's jobs; the app backend's field events; a CRM's tenant's tickets; all of them
    for the centre's staff), older versions still made included. A pattern must match at
    least one of them."""
    return fan_out.subjects_for(policy, owner_of(principal), clock.now().date())


@router.get("/event-catalogue", response_model=list[EventTypeOut])
async def list_event_catalogue(
    policy: WebhookPolicyDep, clock: ClockDep, principal: Principal = Subscribers
) -> list[EventTypeOut]:
    """The event types of ``/event-types`` with their versions: an older one is
    ``deprecated``, made from the one on the bus (``replaced_by``) until its ``sunset``."""
    return [
        EventTypeOut(**vars(entry))
        for entry in fan_out.event_catalogue_for(policy, owner_of(principal), clock.now().date())
    ]


@router.get("", response_model=list[WebhookOut])
async def list_webhooks(db: DatabaseDep, principal: Principal = Subscribers) -> list[WebhookOut]:
    """The caller's subscriptions (a crm sees its own tenant's; the centre sees all)."""
    async with db.uow() as uow:
        return [_out(r) for r in await use_cases.list_subscriptions(uow, owner_of(principal))]


@router.get("/{subscription_id}", response_model=WebhookOut)
async def get_webhook(
    subscription_id: uuid.UUID, db: DatabaseDep, principal: Principal = Subscribers
) -> WebhookOut:
    """One of the caller's subscriptions (without its secret)."""
    async with db.uow() as uow:
        return _out(await use_cases.get_subscription(uow, subscription_id, owner_of(principal)))


@router.post("/{subscription_id}/rotate-secret", response_model=WebhookWithSecret)
async def rotate_webhook_secret(
    subscription_id: uuid.UUID,
    request: Request,
    db: DatabaseDep,
    policy: WebhookPolicyDep,
    principal: Principal = Subscribers,
) -> Response:
    """A new secret; for 24 h deliveries carry signatures by both the new and the old one."""

    async def command(uow: UnitOfWork) -> WebhookWithSecret:
        row = await use_cases.rotate_secret(
            uow, subscription_id, owner_of(principal), policy=policy
        )
        return _with_secret(row, policy.box)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        audit=Audit(
            "webhook_subscription",
            "secret rotated",
            before=_webhook_now(subscription_id, principal),
        ),
    )


@router.post("/{subscription_id}/enable", response_model=WebhookOut)
async def enable_webhook(
    subscription_id: uuid.UUID,
    request: Request,
    db: DatabaseDep,
    policy: WebhookPolicyDep,
    principal: Principal = Subscribers,
) -> Response:
    """Turn a subscription back on (after a 410 or a long failing spell disabled it, say):
    events from the moment it is on again are delivered; those from while it was off are not
    (redeliver the failed ones from its deliveries). A 409 when its owner already has
    `INTAKE_WEBHOOKS_PER_OWNER` active ones."""
    return await _set_active(request, db, policy, principal, subscription_id, active=True)


@router.post("/{subscription_id}/disable", response_model=WebhookOut)
async def disable_webhook(
    subscription_id: uuid.UUID,
    request: Request,
    db: DatabaseDep,
    policy: WebhookPolicyDep,
    principal: Principal = Subscribers,
) -> Response:
    """Stop deliveries; events while it is off are not delivered later."""
    return await _set_active(request, db, policy, principal, subscription_id, active=False)


async def _set_active(
    request: Request,
    db: DatabaseDep,
    policy: WebhookPolicyDep,
    principal: Principal,
    subscription_id: uuid.UUID,
    *,
    active: bool,
) -> Response:
    async def command(uow: UnitOfWork) -> WebhookOut:
        row = await use_cases.set_active(
            uow,
            subscription_id,
            owner_of(principal),
            active,
            _listen(request),
            policy=policy,
        )
        return _out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        audit=Audit(
            "webhook_subscription",
            "enabled" if active else "disabled",
            before=_webhook_now(subscription_id, principal),
        ),
    )


@router.delete("/{subscription_id}", status_code=204)
async def delete_webhook(
    subscription_id: uuid.UUID, db: DatabaseDep, principal: Principal = Subscribers
) -> Response:
    """Remove one of the caller's subscriptions, with its delivery log: what was queued for
    it is never sent. It no longer counts against `INTAKE_WEBHOOKS_PER_OWNER`. A 404 for one
    that does not exist or is not the caller's."""
    async with db.uow() as uow:
        row = await use_cases.delete_subscription(uow, subscription_id, owner_of(principal))
        await record(
            uow,
            principal=principal,
            action="deleted",
            object_type="webhook_subscription",
            object_id=str(subscription_id),
            before=_out(row),
        )
        await uow.commit()
    return Response(status_code=204)


@router.get("/{subscription_id}/deliveries", response_model=list[DeliveryOut])
async def list_webhook_deliveries(
    subscription_id: uuid.UUID,
    db: DatabaseDep,
    limit: int = Query(default=50, ge=1, le=100),
    principal: Principal = Subscribers,
) -> list[DeliveryOut]:
    """The newest deliveries first, with their attempts and the receiver's last answer."""
    async with db.uow() as uow:
        rows = await use_cases.list_deliveries(uow, subscription_id, owner_of(principal), limit)
    return [DeliveryOut.model_validate(r, from_attributes=True) for r in rows]


@router.post("/{subscription_id}/deliveries/{delivery_id}/redeliver", response_model=DeliveryOut)
async def redeliver_webhook(
    subscription_id: uuid.UUID,
    delivery_id: uuid.UUID,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Subscribers,
) -> Response:
    """Send one delivery again (it keeps its `webhook-id`)."""

    async def command(uow: UnitOfWork) -> DeliveryOut:
        row = await use_cases.redeliver(uow, subscription_id, delivery_id, owner_of(principal))
        return DeliveryOut.model_validate(row, from_attributes=True)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=202,
        audit=Audit(
            "webhook_delivery",
            "redelivery requested",
            extra={"subscription_id": str(subscription_id)},
        ),
    )
