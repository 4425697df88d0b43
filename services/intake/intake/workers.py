"""The ticket core's background loop (started by the app's lifespan). The webhook gateway's and
the customer notifications' are :mod:`intake.integrations.workers` and
:mod:`intake.notifications.workers`."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from intake.use_cases.clocks import fire_due_breaches

log = get_logger(__name__)


async def ticket_clocks(app: FastAPI) -> None:
    """Publish missed answers and deadlines (once each, whichever replica gets there first)."""
    settings = app.state.settings  # the loop's own pace
    while True:
        try:
            fired = await fire_due_breaches(app.state.db, limit=settings.clock_batch)
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("clocks.failed", error=repr(exc))
            fired = 0
        if fired < settings.clock_batch:
            await asyncio.sleep(settings.clock_poll_seconds)
