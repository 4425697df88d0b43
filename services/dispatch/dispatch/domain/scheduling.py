"""Booking a technician and an appointment window."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from aftersales.errors import Conflict, Unprocessable
from dispatch.domain.jobs import BEFORE_DEPARTURE, FINAL

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


@dataclass(frozen=True)
class CustomerWindow:
    """The window the customer gave: preferred when the ticket was opened, or ``agreed`` with
    the centre (on the ticket, or later by ``intake.ticket.window_agreed.v1``)."""

    start: datetime
    end: datetime
    agreed: bool = False

    def named(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    def holds(self, start: datetime, end: datetime) -> bool:
        """The appointment ``start``-``end`` lies inside the window."""
        return self.start <= start and end <= self.end


def check_window(
    start: datetime,
    end: datetime,
    *,
    now: datetime,
    preferred: tuple[datetime, datetime] | CustomerWindow | None,
    customer_request: bool = False,
) -> bool:
    """The appointment is well formed and lies inside the customer's window. A reschedule the
    customer asked for (``customer_request``) may leave it: True when it does, and the window
    then moves to the new appointment."""
    if end <= start:
        raise Unprocessable("The appointment must end after it starts.")
    if end - start > MAX_WINDOW:
        raise Unprocessable(f"An appointment window is at most {MAX_WINDOW} long.")
    if end <= now:
        raise Unprocessable("The appointment lies in the past.")
    if preferred is None:
        return False
    window = preferred if isinstance(preferred, CustomerWindow) else CustomerWindow(*preferred)
    if window.holds(start, end):
        return False
    if customer_request:
        return True
    span = {"start": window.start.isoformat(), "end": window.end.isoformat()}
    if window.agreed:
        raise Unprocessable(
            f"The appointment must lie inside the window agreed with the customer "
            f"({window.named()}); only a reschedule the customer asked for "
            "(reason_code customer_request) may leave it.",
            agreed_window=span,
            preferred_window=span,
        )
    raise Unprocessable(
        f"The appointment must lie inside the customer's preferred window ({window.named()}); "
        "only a reschedule the customer asked for (reason_code customer_request) may leave it.",
        preferred_window=span,
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


# What a window agreed with the customer after the job was made does to it.
AgreedLater = Literal["keep", "unbook", "too_late", "closed"]


def window_agreed_later(
    status: str, window: CustomerWindow, appointment: tuple[datetime, datetime] | None
) -> AgreedLater:
    """A job not booked yet takes the window for its booking (``keep``); a booking inside it
    stands (``keep``); a booking outside it no longer does: the job goes back to the point to
    book inside the window (``unbook``). Once the technician has left, or the job is over, the
    visit is not moved (``too_late``, ``closed``): the window is kept on the job's record."""
    if status in FINAL:
        return "closed"
    if status not in BEFORE_DEPARTURE:
        return "too_late"
    if status == "scheduled" and appointment is not None and not window.holds(*appointment):
        return "unbook"
    return "keep"
