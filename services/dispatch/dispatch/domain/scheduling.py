"""Booking a technician and an appointment window."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from aftersales.errors import Conflict, Unprocessable

MAX_WINDOW = timedelta(hours=12)

# Why a visit moved, in words the customer may be told (the point's own note stays inside).
RescheduleReason = Literal[
    "customer_request", "technician_unavailable", "parts_delayed", "weather", "other"
]


@dataclass(frozen=True)
class TechnicianFacts:
    id: uuid.UUID
    point_id: uuid.UUID
    status: str
    skills: tuple[str, ...]


def check_window(
    start: datetime,
    end: datetime,
    *,
    now: datetime,
    preferred: tuple[datetime, datetime] | None,
) -> None:
    if end <= start:
        raise Unprocessable("The appointment must end after it starts.")
    if end - start > MAX_WINDOW:
        raise Unprocessable(f"An appointment window is at most {MAX_WINDOW} long.")
    if end <= now:
        raise Unprocessable("The appointment lies in the past.")
    if preferred is not None and (start < preferred[0] or end > preferred[1]):
        raise Unprocessable(
            "The appointment must lie inside the customer's preferred window.",
            preferred_window={"start": preferred[0].isoformat(), "end": preferred[1].isoformat()},
        )


def check_technician(
    tech: TechnicianFacts,
    *,
    point_id: uuid.UUID,
    category: str,
    avoid: uuid.UUID | None,
) -> None:
    if tech.point_id != point_id:
        raise Unprocessable("The technician does not belong to the job's network point.")
    if tech.status != "active":
        raise Unprocessable(f"The technician is {tech.status} and cannot take jobs.")
    if category not in tech.skills:
        raise Unprocessable(f"The technician is not skilled in {category}.")
    if avoid is not None and tech.id == avoid:
        raise Unprocessable(
            "This rework follows a complaint about this technician's attitude; "
            "assign another technician."
        )


def reschedule_reason(
    rescheduling: bool, code: RescheduleReason | None, note: str | None
) -> RescheduleReason | None:
    """A reschedule's reason code: the one given, or ``other`` with a note; a first booking
    has none."""
    if not rescheduling:
        return None
    if code is None and not note:
        raise Unprocessable("A reschedule needs a reason_code (and may add a note in reason).")
    return code or "other"


def check_capacity(booked: int, capacity: int, day: object) -> None:
    if booked >= capacity:
        raise Conflict(
            f"The point is fully booked on {day} ({booked} of {capacity}).",
            booked=booked,
            capacity=capacity,
        )
