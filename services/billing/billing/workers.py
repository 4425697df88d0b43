"""billing's background loops (started by the app's lifespan)."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from billing.use_cases.charging.completed_jobs import sweep_pending
from billing.use_cases.contracts import announce_expiring, invoice_contracts, request_planned_visits
from billing.use_cases.invoices import invoice_due
from billing.use_cases.parts_orders import cancel_unpaid
from billing.use_cases.reviews import check_field_money

log = get_logger(__name__)


async def charges_and_invoices(app: FastAPI) -> None:
    """Charge completed jobs that waited for a price list, issue the same-day invoices, cancel
    the parts orders left unpaid, invoice contracts' fee periods as they begin, announce
    contracts about to end, ask intake for the planned maintenance visits due, and flag the
    money the field has held too long (claims review's scheduled checks). The deadlines
    are read against the service's clock (``app.state.db``'s) and the rules come from
    ``app.state.policy``; only the pause between passes comes from the settings."""
    db, policy = app.state.db, app.state.policy
    poll_seconds = app.state.settings.worker_poll_seconds
    while True:
        try:
            await sweep_pending(db, policy)
            await invoice_due(db, policy)
            await cancel_unpaid(db, policy)
            await invoice_contracts(db, policy)
            await announce_expiring(db, policy)
            await request_planned_visits(db, policy)
            await check_field_money(db, policy)
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("billing.worker_failed", error=repr(exc))
        await asyncio.sleep(poll_seconds)
