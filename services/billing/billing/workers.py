"""billing's background loops (started by the app's lifespan)."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from billing.use_cases.charging import sweep_pending
from billing.use_cases.contracts import (
    announce_expiring,
    invoice_contracts,
    request_planned_visits,
)
from billing.use_cases.invoices import invoice_due
from billing.use_cases.parts_orders import cancel_unpaid

log = get_logger(__name__)


async def charges_and_invoices(app: FastAPI) -> None:
    """Charge completed jobs that waited for a price list, issue the same-day invoices, cancel
    the parts orders left unpaid, invoice contracts' fee periods as they begin, announce
    contracts about to end, and ask intake for the planned maintenance visits due."""
    settings = app.state.settings
    while True:
        try:
            await sweep_pending(app.state.db)
            await invoice_due(app.state.db)
            await cancel_unpaid(app.state.db)
            await invoice_contracts(app.state.db)
            await announce_expiring(app.state.db)
            await request_planned_visits(app.state.db)
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("billing.worker_failed", error=repr(exc))
        await asyncio.sleep(settings.worker_poll_seconds)
