"""The gauges the alerts watch (deploy/prometheus): the outbox's backlog and its oldest event,
the dead letters not yet replayed, and each consumer's unacked messages. Counters are counted
where things happen; these are states, read every ``metrics_poll_seconds`` by one cheap loop
per process (three small queries and one ``consumer_info`` per consumer)."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime

from fastapi import FastAPI
from sqlalchemy import func, select

from aftersales.logging import get_logger
from aftersales.metrics import (
    CONSUMER_PENDING,
    DEAD_LETTERS,
    OUTBOX_OLDEST_UNSENT_SECONDS,
    OUTBOX_UNSENT,
)
from aftersales.tasks import stop_if_cancelled

log = get_logger(__name__)


async def observe_once(app: FastAPI) -> None:
    service = app.state.definition.name
    db = app.state.db
    outbox, dead = db.platform.outbox, db.platform.dead_letters
    async with db.uow() as uow:
        unsent, oldest = (
            await uow.session.execute(
                select(func.count(), func.min(outbox.c.created_at)).where(
                    outbox.c.sent_at.is_(None)
                )
            )
        ).one()
        letters = dict(
            (
                await uow.session.execute(
                    select(dead.c.consumer, func.count())
                    .where(dead.c.replayed_at.is_(None))
                    .group_by(dead.c.consumer)
                )
            ).all()
        )
    OUTBOX_UNSENT.labels(service).set(unsent)
    age = (datetime.now(UTC) - oldest).total_seconds() if oldest is not None else 0.0
    OUTBOX_OLDEST_UNSENT_SECONDS.labels(service).set(max(0.0, age))
    link = app.state.link
    for runner in app.state.runners:
        DEAD_LETTERS.labels(service, runner.consumer_name).set(letters.get(runner.consumer_name, 0))
        if not link.connected:
            continue  # the broker is away: the last reading stands
        with contextlib.suppress(Exception):  # not bound yet
            info = await link.jetstream().consumer_info(
                runner.subscription.stream, runner.durable, timeout=2
            )
            CONSUMER_PENDING.labels(service, runner.consumer_name).set(
                info.num_pending + info.num_ack_pending
            )


async def observe(app: FastAPI) -> None:
    """Refresh the gauges until cancelled; a failed round (database away) is logged and retried."""
    every = app.state.settings.metrics_poll_seconds
    while True:
        try:
            await observe_once(app)
        except Exception as exc:
            log.warning("observe.failed", error=repr(exc))
        stop_if_cancelled()
        await asyncio.sleep(every)
