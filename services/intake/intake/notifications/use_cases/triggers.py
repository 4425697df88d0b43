"""The events that tell a customer something, and what each tells them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast
from zoneinfo import ZoneInfo

from aftersales.events import EventData, dispatch, feedback, intake
from aftersales.logging import get_logger
from intake.notifications.domain.quiet_hours import local_text

log = get_logger(__name__)


@dataclass(frozen=True)
class Trigger:
    kind: str
    ticket_id: uuid.UUID
    facts: dict[str, str] = field(default_factory=dict)
    starts: tuple[datetime | None, ...] = ()
    # A reschedule's reason code: the customer is told its wording, in their language.
    reason_code: str | None = None


def _scheduled(d: EventData, tz: ZoneInfo) -> Trigger:
    s = cast(dispatch.JobScheduled, d)
    window = {
        "window_start": local_text(s.appointment.start, tz),
        "window_end": local_text(s.appointment.end, tz),
    }
    if s.rescheduled_reason or s.rescheduled_reason_code:
        # The point's own note (rescheduled_reason) stays inside: never in a message. An event
        # from before codes, with a note and no code, reads as "other".
        code = s.rescheduled_reason_code
        return Trigger(
            "rescheduled",
            s.ticket_id,
            window,
            (s.appointment.start,),
            reason_code=str(code) if code is not None else "other",
        )
    return Trigger("booked", s.ticket_id, window, (s.appointment.start,))


def _status(d: EventData, tz: ZoneInfo) -> Trigger | None:
    s = cast(dispatch.JobStatusChanged, d)
    return Trigger("en_route", s.ticket_id) if s.status == "en_route" else None


def _parts(kind: str) -> Callable[[EventData, ZoneInfo], Trigger]:
    def build(d: EventData, tz: ZoneInfo) -> Trigger:
        p = cast(dispatch.PartsOrderEvent, d)
        return Trigger(
            kind,
            p.ticket_id,
            {
                "order_number": p.number or "",
                "carrier": p.carrier or "",
                "tracking_no": p.tracking_no or "",
                "ship_by": local_text(p.ship_by, tz),
                "promised_by": p.promised_by.isoformat() if p.promised_by else "",
            },
        )

    return build


def _complaint(d: EventData, tz: ZoneInfo) -> Trigger:
    c = cast(feedback.ComplaintOpened, d)
    return Trigger("complaint_received", c.ticket_id, {"reply_by": local_text(c.reply_by, tz)})


def _responded(d: EventData, tz: ZoneInfo) -> Trigger | None:
    """A sample test's resolved answer is its result: the customer is told it."""
    r = cast(intake.TicketResponded, d)
    if r.kind != "sample_test" or not r.resolved:
        return None
    return Trigger("sample_result", r.ticket_id, {"result": r.summary})


# The events that tell a customer something, and what.
TRIGGERS: dict[str, Callable[[EventData, ZoneInfo], Trigger | None]] = {
    dispatch.JobScheduled.SUBJECT: _scheduled,
    dispatch.JobStatusChanged.SUBJECT: _status,
    dispatch.JobCompleted.SUBJECT: lambda d, tz: Trigger(
        "done", cast(dispatch.JobCompleted, d).ticket_id
    ),
    dispatch.PartsOrderShipped.SUBJECT: _parts("parts_shipped"),
    dispatch.PartsOrderShipOverdue.SUBJECT: _parts("parts_late"),
    feedback.ComplaintOpened.SUBJECT: _complaint,
    intake.TicketResponded.SUBJECT: _responded,
}
