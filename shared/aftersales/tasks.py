"""Background loops: stopping when asked, and the deadline scanners' one pass."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select

if TYPE_CHECKING:
    from aftersales.database import Database
    from aftersales.unit_of_work import UnitOfWork


def stop_if_cancelled() -> None:
    """Raise ``CancelledError`` when this task has been asked to stop.

    A retry loop catches ``Exception`` and tries again. If a library swallowed the cancellation
    on its way (``asyncio.wait_for`` on 3.11 can, and asyncpg's connect timeout uses it), the
    loop would run on after shutdown and the process would hang. ``Task.cancelling()`` still
    counts the request, so a loop calls this before it waits to try again.
    """
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


async def claim_due(
    db: Database,
    stmt: Select[Any],
    act: Callable[[UnitOfWork, Any], Awaitable[None]],
    *,
    limit: int = 100,
    of: Any = None,
) -> int:
    """One pass of a deadline scanner: lock up to ``limit`` of the rows ``stmt`` selects
    (``FOR UPDATE SKIP LOCKED``, only the tables named by ``of`` when it joins, so replicas
    share the work and never take a row twice), let ``act`` mark each one and publish its
    event, and commit them together. Returns how many rows it took.

    ``stmt`` selects only rows not yet marked, so a row is acted on once whichever replica
    sees it first."""
    async with db.uow() as uow:
        found = await uow.session.scalars(
            stmt.limit(limit).with_for_update(skip_locked=True, of=of)
        )
        rows = list(found.all())
        for row in rows:
            await act(uow, row)
        await uow.commit()
    return len(rows)
