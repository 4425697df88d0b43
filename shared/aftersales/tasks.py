"""Background loops that stop when asked."""

from __future__ import annotations

import asyncio


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
