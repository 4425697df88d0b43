"""feedback's background loops (started by the app's lifespan)."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI

from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled
from feedback.use_cases.centre import report_overdue_callbacks
from feedback.use_cases.complaints import report_overdue

log = get_logger(__name__)


async def complaint_deadlines(app: FastAPI) -> None:
    """Report every missed complaint deadline and overdue callback once, whichever replica
    notices first. The deadlines are read against the service's clock (``app.state.db``'s);
    only the pause between passes comes from the settings."""
    db = app.state.db
    poll_seconds = app.state.settings.watch_poll_seconds
    while True:
        try:
            await report_overdue(db)
            await report_overdue_callbacks(db)
        except Exception as exc:  # database away: try again shortly
            stop_if_cancelled()
            log.warning("complaints.watch_failed", error=repr(exc))
        await asyncio.sleep(poll_seconds)
