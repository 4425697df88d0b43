"""intake's background loops (started by the app's lifespan)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx
from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from intake.adapters.leases import Lanes
from intake.use_cases.clocks import fire_due_breaches
from intake.use_cases.notifications import Sender, send_due
from intake.use_cases.webhook_delivery import DeliverySettings, deliver_due
from intake.use_cases.webhooks import reseal_secrets

log = get_logger(__name__)


async def webhook_deliveries(app: FastAPI) -> None:
    settings = app.state.settings
    delivery = DeliverySettings(
        schedule=list(settings.webhook_retry_schedule),
        policy=settings.egress_policy,
        box=settings.secret_box,
        batch=settings.webhook_lanes,
        per_owner=settings.webhook_lanes_per_owner,
        deadline=settings.webhook_timeout_seconds,
        disable_after=settings.webhook_disable_after,
    )
    while True:
        try:
            resealed = await reseal_secrets(app.state.db, delivery.box)
            break
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("webhook.reseal_failed", error=repr(exc))
            await asyncio.sleep(settings.webhook_poll_seconds)
    if resealed:
        log.info("webhook.secrets_resealed", count=resealed)
    lanes = Lanes(delivery.batch)
    async with httpx.AsyncClient(
        timeout=settings.webhook_timeout_seconds,
        follow_redirects=False,
        limits=httpx.Limits(max_connections=delivery.batch),
    ) as client:
        await _keep_sending(
            "webhook",
            lambda: deliver_due(app.state.db, client, delivery, lanes),
            lanes,
            settings.webhook_poll_seconds,
        )


async def _keep_sending(
    name: str, start_due: Callable[[], Awaitable[int]], lanes: Lanes, poll_seconds: float
) -> None:
    """Start what is due on free lanes, then wait until a send finishes or a poll passes; a
    failure to claim is logged and retried. Sends run on while the next ones are claimed."""
    try:
        while True:
            try:
                await start_due()
            except Exception as exc:  # database away: try again shortly
                stop_if_cancelled()
                log.warning(f"{name}.worker_failed", error=repr(exc))
            await lanes.settle(poll_seconds)
    finally:
        await lanes.close()


async def ticket_clocks(app: FastAPI) -> None:
    """Publish missed answers and deadlines (once each, whichever replica gets there first)."""
    settings = app.state.settings
    while True:
        try:
            fired = await fire_due_breaches(app.state.db, limit=settings.clock_batch)
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("clocks.failed", error=repr(exc))
            fired = 0
        if fired < settings.clock_batch:
            await asyncio.sleep(settings.clock_poll_seconds)


async def customer_notifications(app: FastAPI) -> None:
    """Send the customers' messages as they fall due (after the quiet hours, or on retry)."""
    settings = app.state.settings
    lanes = Lanes(settings.notify_lanes * 2)  # a share per channel (e-mail, SMS)
    async with httpx.AsyncClient(
        timeout=settings.notify_timeout_seconds, follow_redirects=False
    ) as client:
        sender = Sender(settings, client)
        await _keep_sending(
            "notification",
            lambda: send_due(app.state.db, sender, lanes),
            lanes,
            settings.notify_poll_seconds,
        )
