"""Deliveries promised by distance (clause 5): goods delivered to the customer's door arrive by
the date promised (dispatch's ``promised_by``, from the delivery bands), never later; each
calendar day of delay with no outside cause earns the customer the configured compensation.

- The day a delivery counts on is its local day (the network's time zone): delivered on the
  promised day, or before, is on time; the day after is one day late.
- The compensation is a credit note on the order's charge (issued charges never change), so it
  is at most what can still be credited on it: a delay worth more than the order is capped at
  the order's value, and says so.
- Finance may waive it when the delay had an outside cause (``WAIVER_CAUSES``): the customer
  then owes it back (a supplementary charge), as with a waived late-arrival compensation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, get_args
from zoneinfo import ZoneInfo

WaiverCause = Literal["weather", "carrier_force_majeure", "customer_absent"]
WAIVER_CAUSES: tuple[str, ...] = get_args(WaiverCause)


def delivered_on(at: datetime, tz: ZoneInfo) -> date:
    """The local day a delivery was made."""
    return at.astimezone(tz).date()


def days_late(promised_by: date, delivered: date) -> int:
    """Calendar days past the promised date (0 when delivered by it)."""
    return max(0, (delivered - promised_by).days)


@dataclass(frozen=True)
class DeliveryCompensation:
    days: int
    per_day: int
    earned: int  # days x per_day
    credited: int  # what the credit note gives: the earned amount, at most what is creditable

    @property
    def capped(self) -> bool:
        return self.credited < self.earned


def compensation(days: int, per_day: int, creditable: int) -> DeliveryCompensation | None:
    """What a delivery ``days`` late earns, or None when it earns nothing (on time, or no
    compensation configured)."""
    if days <= 0 or per_day <= 0:
        return None
    earned = days * per_day
    return DeliveryCompensation(days, per_day, earned, min(earned, max(creditable, 0)))
