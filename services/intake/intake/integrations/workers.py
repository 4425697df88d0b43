"""The webhook gateway's background loop (started by the app's lifespan): sends queued
deliveries in lanes, with retries, and switches off a subscription that keeps failing."""

from __future__ import annotations

import asyncio

import httpx
from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from intake.adapters.leases import Lanes, keep_sending
from intake.integrations.use_cases.delivery import deliver_due
from intake.integrations.use_cases.policy import WebhookPolicy
from intake.integrations.use_cases.subscriptions import reseal_secrets

log = get_logger(__name__)


async def webhook_deliveries(app: FastAPI) -> None:
    policy: WebhookPolicy = app.state.policy.webhooks
    poll_seconds = app.state.settings.webhook_poll_seconds  # the loop's own pace
    while True:
        try:
            resealed = await reseal_secrets(app.state.db, policy.box)
            break
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("webhook.reseal_failed", error=repr(exc))
            await asyncio.sleep(poll_seconds)
    if resealed:
        log.info("webhook.secrets_resealed", count=resealed)
    lanes = Lanes(policy.lanes)
    async with httpx.AsyncClient(
        timeout=policy.timeout_seconds,
        follow_redirects=False,
        limits=httpx.Limits(max_connections=policy.lanes),
    ) as client:
        await keep_sending(
            "webhook",
            lambda: deliver_due(app.state.db, client, policy, lanes),
            lanes,
            poll_seconds,
        )
