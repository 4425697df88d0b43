"""feedback's background loops (started by the app's lifespan)."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from feedback.use_cases.care import report_late_visits
from feedback.use_cases.centre import report_overdue_callbacks
from feedback.use_cases.complaints import report_overdue
from feedback.use_cases.settings_audit import record_strike_window

log = get_logger(__name__)


async def complaint_deadlines(app: FastAPI) -> None:
    """Report every missed complaint deadline, overdue callback and late planned visit once,
    whichever replica notices first. The deadlines are read against the service's clock
    (``app.state.db``'s); only the pause between passes comes from the settings."""
    db = app.state.db
    poll_seconds = app.state.settings.watch_poll_seconds
    while True:
        try:
            await report_overdue(db)
            await report_overdue_callbacks(db)
            await report_late_visits(db, app.state.policy)
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("complaints.watch_failed", error=repr(exc))
        await asyncio.sleep(poll_seconds)


async def discipline_settings(app: FastAPI) -> None:
    """Once at startup: the strike window in force goes on the audit trail when it changed."""
    recorded = await record_strike_window(app.state.db, app.state.policy)
    log.info(
        "discipline.strike_window",
        days=app.state.policy.strike_window_days,
        recorded=recorded,
    )
