"""Claiming due rows of a durable send queue (webhook deliveries, customer messages), and
sending them side by side.

Rows are ``pending`` with a ``next_attempt_at``. A worker claims rows by moving their
``next_attempt_at`` a lease ahead, under ``FOR UPDATE SKIP LOCKED``: replicas never claim the
same row, and a worker that dies lets its rows fall due again when the lease ends. Every send is
bounded by a deadline well inside the lease (the settings refuse a longer one), so a row is
never claimed again while it is still being sent.

What a worker claimed runs in :class:`Lanes`: each send is a task of its own, at most one per
lane (a webhook subscription), a few per webhook owner and a bounded number at once, and no
send waits for another to finish. A slow receiver holds its own lane, never anyone else's; an
owner with many slow receivers holds its own few lanes.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine, Hashable
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, select, update

from aftersales.database import Database
from aftersales.logging import get_logger
from aftersales.tasks import stop_if_cancelled

log = get_logger(__name__)

LEASE = timedelta(seconds=120)


async def claim_due(
    db: Database, row: Any, *conditions: ColumnElement[bool], batch: int
) -> list[uuid.UUID]:
    """The ids of up to ``batch`` due rows of ``row``'s table that also meet ``conditions``."""
    if batch <= 0:
        return []
    now = db.clock.now()
    async with db.sessionmaker() as session, session.begin():
        due = (
            select(row.id)
            .where(row.status == "pending", row.next_attempt_at <= now, *conditions)
            .order_by(row.next_attempt_at)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
        claimed = await session.execute(
            update(row)
            .where(row.id.in_(due.scalar_subquery()))
            .values(next_attempt_at=now + LEASE)
            .returning(row.id)
        )
        return list(claimed.scalars())


class Lanes:
    """Sends running side by side: each a task of its own, at most one per lane and ``size``
    at once. Nothing awaits them as a batch; :meth:`settle` waits for the first to finish.
    A lane may belong to a group (a webhook's owner), whose sends in flight are counted."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._running: dict[Hashable, tuple[asyncio.Task[None], str | None]] = {}

    def _prune(self) -> None:
        self._running = {k: v for k, v in self._running.items() if not v[0].done()}

    @property
    def busy(self) -> frozenset[Hashable]:
        """The lanes with a send in flight."""
        self._prune()
        return frozenset(self._running)

    @property
    def free(self) -> int:
        self._prune()
        return max(0, self.size - len(self._running))

    @property
    def per_group(self) -> dict[str, int]:
        """Sends in flight per group."""
        self._prune()
        return dict(Counter(g for _, g in self._running.values() if g is not None))

    def start(
        self, lane: Hashable, send: Coroutine[Any, Any, None], group: str | None = None
    ) -> None:
        """Run ``send`` on ``lane`` (which must not be busy)."""
        task = asyncio.create_task(send)
        task.add_done_callback(_log_failure)
        self._running[lane] = (task, group)

    async def settle(self, timeout: float) -> None:
        """Wait until a send finishes (a lane is free again), or ``timeout`` seconds."""
        self._prune()
        if not self._running:
            await asyncio.sleep(timeout)
            return
        await asyncio.wait(
            [t for t, _ in self._running.values()],
            timeout=timeout,
            return_when=asyncio.FIRST_COMPLETED,
        )

    async def close(self) -> None:
        """Stop every send in flight (at shutdown): their rows fall due again after the lease."""
        tasks = [t for t, _ in self._running.values()]
        self._running.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and (exc := task.exception()) is not None:
        # The database went away mid-send, say: the row falls due again after the lease.
        log.warning("send.failed", error=repr(exc))


async def keep_sending(
    name: str, start_due: Callable[[], Awaitable[int]], lanes: Lanes, poll_seconds: float
) -> None:
    """A send worker's loop: start what is due on free lanes, then wait until a send finishes
    or a poll passes; a failure to claim is logged and retried. Sends run on while the next
    ones are claimed."""
    try:
        while True:
            try:
                await start_due()
            except Exception as exc:  # database away: try again shortly
                stop_if_cancelled()
                log.warning(f"{name}.worker_failed", error=repr(exc))
            await lanes.settle(poll_seconds)
    finally:
        await lanes.close()
