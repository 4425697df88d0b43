"""dispatch's background loops (started by the app's lifespan).

The deadlines are read against the service's clock (``app.state.db``'s, through ``uow.now()``)
and the rules from ``app.state.policy``; only the pause between passes and the batch size come
from the settings."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from dispatch.use_cases import parts_orders, returns
from dispatch.use_cases.timers import fire_due

log = get_logger(__name__)


async def sla_timers(app: FastAPI) -> None:
    db, policy, settings = app.state.db, app.state.policy, app.state.settings
    while True:
        try:
            fired = await fire_due(db, policy=policy, limit=settings.timer_batch)
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("timers.failed", error=repr(exc))
            fired = 0
        if fired < settings.timer_batch:
            await asyncio.sleep(settings.timer_poll_seconds)


async def parts_deadlines(app: FastAPI) -> None:
    """Publish each defective part not returned in time and each paid parts order not shipped
    in time, once, whichever replica notices."""
    db, poll_seconds = app.state.db, app.state.settings.returns_poll_seconds
    while True:
        try:
            await returns.report_overdue(db)
            await parts_orders.report_overdue(db)
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("returns.watch_failed", error=repr(exc))
        await asyncio.sleep(poll_seconds)
