"""Months (``YYYY-MM``) at the network's local time: what a charge, a breach or a statement
belongs to."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from aftersales.calendar import parse_month


def month_of(moment: datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz)
    return f"{local.year:04d}-{local.month:02d}"


def next_month(month: str) -> str:
    year, m = parse_month(month)
    return f"{year + (m == 12):04d}-{m % 12 + 1:02d}"


def month_end(month: str, tz: ZoneInfo) -> datetime:
    """The first moment after the month, local time."""
    year, m = parse_month(month)
    first_of_next = date(year + (m == 12), m % 12 + 1, 1)
    return datetime.combine(first_of_next, time(0), tzinfo=tz)


def day_end(moment: datetime, tz: ZoneInfo) -> datetime:
    """The last minute of the local day ``moment`` falls on."""
    local = moment.astimezone(tz)
    return datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=tz) - timedelta(
        minutes=1
    )


def settlement_month(occurred: str, closed: set[str]) -> str:
    """A fact belongs to its own month, or to the first open one after it when that month is
    closed already: a closed statement never changes, and nothing is lost."""
    month = occurred
    while month in closed:
        month = next_month(month)
    return month
