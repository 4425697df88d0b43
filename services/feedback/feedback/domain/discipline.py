"""Staff discipline on substantiated conduct complaints (clause 15): 1st warning, 2nd penalty,
3rd dismissal (docs/domain.md). The document sets no time limit, so strikes count for life;
an operator may set a rolling window (``FEEDBACK_STRIKE_WINDOW_DAYS``, audited)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Literal

Action = Literal["warning", "penalty", "dismissal"]


def strikes_in_window(
    strike_times: Iterable[datetime], *, at: datetime, window: timedelta | None
) -> int:
    """How many strikes count at ``at``: every one up to it (``window`` None: for life), or
    those in the window ending at ``at`` (its start included)."""
    start = None if window is None else at - window
    return sum(1 for t in strike_times if t <= at and (start is None or start <= t))


def action_for(strikes: int) -> Action:
    if strikes <= 1:
        return "warning"
    if strikes == 2:
        return "penalty"
    return "dismissal"
