"""What a maintenance contract (合同服务, class B) earns and promises over its term.

- **Fee periods.** A contract's fee is billed per period of its schedule: ``once`` (one invoice
  at signing for the whole term), ``monthly``, ``quarterly`` or ``yearly``. Periods start on
  the contract's first day and every 1, 3 or 12 months after it; the last period ends with the
  contract, so it may be shorter (it is billed in full: the fee is per period begun).
- **Planned maintenance visits.** ``visits_per_year`` visits (1, 2, 3, 4, 6 or 12) spread
  evenly: one every ``12 / n`` months, each in the middle of its interval (two a year on a
  contract from 1 January: 1 April and 1 October). Only visits falling within the term count.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from aftersales.errors import Unprocessable

SCHEDULE_MONTHS = {"once": 0, "monthly": 1, "quarterly": 3, "yearly": 12}
VISITS_PER_YEAR = (0, 1, 2, 3, 4, 6, 12)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, the month's last day when it has no such day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Period:
    starts_on: date
    ends_on: date


def fee_periods(starts_on: date, ends_on: date, schedule: str) -> list[Period]:
    step = SCHEDULE_MONTHS[schedule]
    if step == 0:
        return [Period(starts_on, ends_on)]
    out, n = [], 0
    while (start := add_months(starts_on, n * step)) <= ends_on:
        n += 1
        out.append(Period(start, min(add_months(starts_on, n * step) - timedelta(days=1), ends_on)))
    return out


def due_periods(periods: list[Period], today: date) -> list[Period]:
    """The periods that have begun by ``today``: each is invoiced on its first day."""
    return [p for p in periods if p.starts_on <= today]


def maintenance_dates(starts_on: date, ends_on: date, visits_per_year: int) -> list[date]:
    if visits_per_year == 0:
        return []
    spacing = 12 // visits_per_year
    out, n = [], 0
    while (day := add_months(starts_on, n * spacing + spacing // 2)) <= ends_on:
        out.append(day)
        n += 1
    return out


def check_terms(
    *, starts_on: date, ends_on: date, fee: int, schedule: str, visits_per_year: int
) -> None:
    if ends_on < starts_on:
        raise Unprocessable("ends_on must not be before starts_on.")
    if schedule not in SCHEDULE_MONTHS:
        raise Unprocessable(f"Unknown fee schedule {schedule!r}.")
    if fee < 0:
        raise Unprocessable("A contract fee cannot be negative.")
    if visits_per_year not in VISITS_PER_YEAR:
        raise Unprocessable(
            "maintenance_visits_per_year must be one of "
            + ", ".join(str(v) for v in VISITS_PER_YEAR)
            + " (visits are spread evenly over the year)."
        )
