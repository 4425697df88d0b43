"""The customer notifications' background loop (started by the app's lifespan)."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from intake.adapters.leases import Lanes, keep_sending
from intake.notifications.use_cases.policy import NotificationPolicy
from intake.notifications.use_cases.sending import Sender, send_due


async def customer_notifications(app: FastAPI) -> None:
    """Send the customers' messages as they fall due (after the quiet hours, or on retry)."""
    policy: NotificationPolicy = app.state.policy.notifications
    settings = app.state.settings  # the loop's own pace and width
    lanes = Lanes(settings.notify_lanes * 2)  # a share per channel (e-mail, SMS)
    async with httpx.AsyncClient(timeout=policy.timeout_seconds, follow_redirects=False) as client:
        sender = Sender(policy, client, app.state.clock)
        await keep_sending(
            "notification",
            lambda: send_due(app.state.db, sender, lanes),
            lanes,
            settings.notify_poll_seconds,
        )
