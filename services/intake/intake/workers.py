"""intake's background loops (started by the app's lifespan)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx
from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from intake.use_cases.clocks import fire_due_breaches
from intake.use_cases.notifications import Sender, send_due
from intake.use_cases.webhooks import DeliverySettings, deliver_due, reseal_secrets

log = get_logger(__name__)


async def webhook_deliveries(app: FastAPI) -> None:
    settings = app.state.settings
    delivery = DeliverySettings(
        schedule=list(settings.webhook_retry_schedule),
        policy=settings.egress_policy,
        box=settings.secret_box,
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
    async with httpx.AsyncClient(
        timeout=settings.webhook_timeout_seconds, follow_redirects=False
    ) as client:
        await _drain_forever(
            "webhook",
            lambda: deliver_due(app.state.db, client, delivery),
            settings.webhook_poll_seconds,
        )


async def _drain_forever(
    name: str, send: Callable[[], Awaitable[int]], poll_seconds: float
) -> None:
    """Send what is due until nothing is, then wait a poll; a failure is logged and retried."""
    while True:
        try:
            sent = await send()
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning(f"{name}.worker_failed", error=repr(exc))
            sent = 0
        if sent == 0:
            await asyncio.sleep(poll_seconds)


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
    async with httpx.AsyncClient(
        timeout=settings.notify_timeout_seconds, follow_redirects=False
    ) as client:
        sender = Sender(settings, client)
        await _drain_forever(
            "notification", lambda: send_due(app.state.db, sender), settings.notify_poll_seconds
        )
