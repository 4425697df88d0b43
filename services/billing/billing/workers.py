"""billing's background loops (started by the app's lifespan)."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from billing.use_cases.charging import sweep_pending
from billing.use_cases.invoices import invoice_due
from billing.use_cases.parts_orders import cancel_unpaid

log = get_logger(__name__)


async def charges_and_invoices(app: FastAPI) -> None:
    """Charge completed jobs that waited for a price list, issue the same-day invoices, and
    cancel the parts orders left unpaid."""
    settings = app.state.settings
    while True:
        try:
            await sweep_pending(app.state.db)
            await invoice_due(app.state.db)
            await cancel_unpaid(app.state.db)
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("billing.worker_failed", error=repr(exc))
        await asyncio.sleep(settings.worker_poll_seconds)
