"""Planned care visits to key customers (docs/domain.md): senior staff every six months, ordinary
staff every month."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal

StaffLevel = Literal["senior", "ordinary"]
CADENCE_MONTHS: dict[str, int] = {"senior": 6, "ordinary": 1}
Purpose = Literal["care", "usage_tracking"]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(visited_on: date, level: str) -> date:
    return add_months(visited_on, CADENCE_MONTHS[level])


# A direct customer's usage tracking (clauses 12-14): a plan of its own, visited monthly by
# ordinary (sales-service) staff, the first visit a month after feedback learns of the customer.
USAGE_TRACKING = "usage_tracking"
USAGE_TRACKING_LEVEL = "ordinary"
USAGE_TRACKING_STAFF = "sales service"


def first_tracking_visit(learned_on: date) -> date:
    return next_due(learned_on, USAGE_TRACKING_LEVEL)


def is_late(due_on: date, today: date) -> bool:
    """A planned visit is late from the day after its due day (network time): a visit made on
    the due day is in time."""
    return today > due_on
