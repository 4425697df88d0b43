"""Staff discipline on substantiated complaints: 1st warning, 2nd penalty, 3rd dismissal
(docs/domain.md), counting the strikes within a rolling window (12 months by default)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Literal

Action = Literal["warning", "penalty", "dismissal"]


def strikes_in_window(strike_times: Iterable[datetime], *, at: datetime, window: timedelta) -> int:
    """How many strikes fall in the window ending at ``at`` (its start included)."""
    start = at - window
    return sum(1 for t in strike_times if start <= t <= at)


def action_for(strikes: int) -> Action:
    if strikes <= 1:
        return "warning"
    if strikes == 2:
        return "penalty"
    return "dismissal"
