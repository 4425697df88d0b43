"""Complaints (投诉): answered within 24 hours, resolved within a month (DOMAIN.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from aftersales.errors import Conflict


@dataclass(frozen=True)
class Deadlines:
    reply_by: datetime
    resolve_by: datetime


def deadlines(
    opened_at: datetime, *, reply_within: timedelta, resolve_within: timedelta
) -> Deadlines:
    return Deadlines(opened_at + reply_within, opened_at + resolve_within)


def check_can_reply(status: str) -> None:
    if status != "open":
        raise Conflict(
            f"The complaint is {status}; it has been answered already.", complaint_status=status
        )


def check_can_resolve(status: str) -> None:
    if status == "resolved":
        raise Conflict("The complaint is resolved already.", complaint_status=status)


def overdue(due: datetime, done_at: datetime | None, now: datetime) -> bool:
    """Missed: not done by the deadline (done late counts as missed too)."""
    return (done_at or now) > due
