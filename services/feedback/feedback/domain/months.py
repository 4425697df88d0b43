"""Months are ``YYYY-MM`` at the network's local time."""

from __future__ import annotations

import re

from aftersales.errors import Unprocessable

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_month(month: str) -> tuple[int, int]:
    found = MONTH.match(month)
    if not found:
        raise Unprocessable(f"{month!r} is not a month; use YYYY-MM.")
    return int(found.group(1)), int(found.group(2))


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
