"""Months are ``YYYY-MM`` at the network's local time."""

from __future__ import annotations

from aftersales.calendar import parse_month
from aftersales.errors import Unprocessable

__all__ = ["months_between", "next_month", "parse_month"]


def next_month(month: str) -> str:
    y, m = parse_month(month)
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return f"{y:04d}-{m:02d}"


def months_between(first: str, last: str) -> list[str]:
    y, m = parse_month(first)
    end = parse_month(last)
    if (y, m) > end:
        raise Unprocessable("'from' must not be after 'to'.")
    out: list[str] = []
    while (y, m) <= end and len(out) < 36:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if (y, m) <= end:
        raise Unprocessable("A report covers at most 36 months.")
    return out
