"""Planned care visits to key customers (docs/domain.md): senior staff every six months, ordinary
staff every month."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal

StaffLevel = Literal["senior", "ordinary"]
CADENCE_MONTHS: dict[str, int] = {"senior": 6, "ordinary": 1}


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(visited_on: date, level: str) -> date:
    return add_months(visited_on, CADENCE_MONTHS[level])
