"""The one clock a service reads the time from.

Domain functions take ``now`` as an argument; use cases, consumers and background loops read it
from the clock their service was given (``uow.now()``, ``db.clock``), never from the system
clock directly (``tests/architecture`` checks). A test hands a service a clock it sets
(``aftersales_testing``'s ``SettableClock``), so that a deadline is reached by moving the
clock, not by waiting or by writing rows dated in the past.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The machine's clock: what a running service uses."""

    def now(self) -> datetime:
        return datetime.now(UTC)


def today(clock: Clock) -> date:
    """The date in UTC (a service's own business day is the domain's to work out)."""
    return clock.now().date()


SYSTEM_CLOCK = SystemClock()

__all__ = ["SYSTEM_CLOCK", "Clock", "SystemClock", "today"]
