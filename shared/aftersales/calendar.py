"""Months and dates as callers send them, bounded to years the business can mean.

A year 0000 or 9999 is not a typo to compute with: ``date(0, 1, 1)`` and ``date.max + 1 day``
raise deep inside a report. Every ``YYYY-MM`` and every date a caller sends is checked here
first and refused with a 422 problem that says what is accepted.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from aftersales.errors import Unprocessable

FIRST_YEAR = 1970
LAST_YEAR = 2999
MONTH_PATTERN = r"^(19[7-9]\d|2\d{3})-(0[1-9]|1[0-2])$"
_MONTH = re.compile(MONTH_PATTERN)
EARLIEST = date(FIRST_YEAR, 1, 1)
LATEST = date(LAST_YEAR, 12, 31)


def parse_month(month: str) -> tuple[int, int]:
    found = _MONTH.match(month)
    if not found:
        raise Unprocessable(
            f"{month[:20]!r} is not a month; use YYYY-MM between {FIRST_YEAR} and {LAST_YEAR}."
        )
    return int(found.group(1)), int(found.group(2))


def check_date(value: date, what: str) -> date:
    if not EARLIEST <= value <= LATEST:
        raise Unprocessable(f"{what} must lie between {EARLIEST} and {LATEST}.")
    return value


def month_bounds(month: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The month's first instant and the next month's, in the business's time zone."""
    year, mon = parse_month(month)
    start = datetime(year, mon, 1, tzinfo=tz)
    end = datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=tz)
    return start, end
