"""Registered products (service vouchers, 服務憑證) and their warranty."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from aftersales.calendar import check_date
from aftersales.errors import Unprocessable

MAX_WARRANTY_MONTHS = 120


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def warranty_until(purchased_on: date, warranty_months: int) -> date:
    """Last day covered: a 12-month warranty bought on 2026-03-15 runs through 2027-03-14."""
    if warranty_months < 0 or warranty_months > MAX_WARRANTY_MONTHS:
        raise Unprocessable(f"warranty_months must be between 0 and {MAX_WARRANTY_MONTHS}.")
    if warranty_months == 0:
        return purchased_on - timedelta(days=1)
    return add_months(purchased_on, warranty_months) - timedelta(days=1)


def in_warranty(until: date, today: date) -> bool:
    return today <= until


def check_purchase_date(purchased_on: date, today: date) -> None:
    if purchased_on > today:
        raise Unprocessable("purchased_on lies in the future.")
    check_date(purchased_on, "purchased_on")
