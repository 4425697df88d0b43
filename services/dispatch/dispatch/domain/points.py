"""Network points: grades, the capacity calendar, and the business day a moment falls on."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from aftersales.errors import Conflict, Forbidden, Unprocessable

__all__ = ["Grade", "grade_rank"]

Grade = Literal["A", "B", "C", "D"]

GRADE_RANK: dict[str, int] = {"A": 0, "B": 1, "C": 2, "D": 3}
# A point feedback has not graded yet ranks like an average (B) point, so new points get work.
UNGRADED_RANK = GRADE_RANK["B"]
MAX_OVERRIDE_DAYS = 366


def grade_rank(grade: str | None) -> int:
    return GRADE_RANK.get(grade or "", UNGRADED_RANK)


def grade_is_newer(current_month: str | None, month: str) -> bool:
    """A grade replaces the stored one only when it is for the same or a later month."""
    return current_month is None or month >= current_month


@dataclass(frozen=True)
class CapacityOverride:
    id: uuid.UUID
    starts_on: date
    ends_on: date
    daily_capacity: int


# Who set a capacity override: the operator (admin, agent) or the point itself.
OverrideAuthor = Literal["operator", "point"]


def check_may_set_capacity(
    daily_capacity: int, operators_figure: int, *, by: OverrideAuthor
) -> None:
    """A point may lower its capacity for a while (holidays, a technician on leave), never raise
    it above the operator's figure: routing ranks by load share, so more capacity wins work."""
    if by == "point" and daily_capacity > operators_figure:
        raise Forbidden(
            f"A point may lower its daily capacity, not raise it above the operator's figure "
            f"({operators_figure}); ask the centre.",
            daily_capacity=operators_figure,
        )


def check_may_remove_override(made_by: str, *, by: OverrideAuthor) -> None:
    """A point removes only the overrides it made; the operator's stay until the operator
    removes them."""
    if by == "point" and made_by != "point":
        raise Forbidden(
            "This capacity override was set by the operator; only the centre removes it."
        )


def capacity_on(day: date, default: int, overrides: Iterable[CapacityOverride]) -> int:
    for o in overrides:
        if o.starts_on <= day <= o.ends_on:
            return o.daily_capacity
    return default


def check_override(starts_on: date, ends_on: date, existing: Iterable[CapacityOverride]) -> None:
    """A range is at most a year long and never overlaps another, so each day has one answer."""
    if ends_on < starts_on:
        raise Unprocessable("ends_on must not be before starts_on.")
    if (ends_on - starts_on).days + 1 > MAX_OVERRIDE_DAYS:
        raise Unprocessable(f"A capacity override covers at most {MAX_OVERRIDE_DAYS} days.")
    for o in existing:
        if o.starts_on <= ends_on and starts_on <= o.ends_on:
            raise Conflict(
                f"Capacity is already overridden from {o.starts_on} to {o.ends_on}; "
                "delete that override first.",
                override_id=str(o.id),
            )


def business_day(moment: datetime, tz: ZoneInfo) -> date:
    """The calendar day at the network's local time: capacity is counted per local day."""
    return moment.astimezone(tz).date()


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
