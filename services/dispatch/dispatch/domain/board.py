"""The board: which clock of an open job matters next, its bucket, and a pause's dues.

**The next clock** of a job, the first of these that runs (``dispatch.adapters.repositories.
board`` says the same in SQL, for ``sort=next_due`` and the counts):

- none once the job is completed or cancelled;
- ``accept``: offered to a point, due its accept-by (``offer_expires_at``): it runs even while
  the job is paused, as a point still has to say yes or no;
- none while the job is paused (its SLA clocks are stopped);
- ``respond``: not yet booked (``unrouted``, ``accepted``), due ``respond_by`` (the respond
  clock: the customer's answer is the booked visit);
- ``arrival``: booked or on the way (``scheduled``, ``en_route``), due the end of the
  appointment (``appointment.end``: later is late, whatever grace the timer gives a phone);
- ``completion``: the ticket's deadline to finish (``complete_by``), when its kind has one;
- else none.

What is common to every board (the buckets, region filters) is ``aftersales.board``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, get_args

from aftersales import board
from aftersales.board import NextClock, region_prefix
from dispatch.domain.jobs import FINAL, JobStatus

__all__ = ["NextClock", "region_prefix"]

Clock = Literal["accept", "respond", "arrival", "completion"]
CLOCKS: tuple[Clock, ...] = get_args(Clock)
# The statuses of a job that has not ended, in the order of its life.
OPEN_STATUSES: tuple[str, ...] = tuple(s for s in get_args(JobStatus) if s not in FINAL)
TO_BOOK = ("unrouted", "offered", "accepted")
TO_ARRIVE = ("scheduled", "en_route")
# The board's clock buckets: every open job is in exactly one.
BUCKETS = board.buckets(CLOCKS)


@dataclass(frozen=True)
class JobClocks:
    status: str
    paused: bool
    offer_expires_at: datetime | None
    respond_by: datetime | None
    appointment_end: datetime | None
    complete_by: datetime | None


def next_clock(job: JobClocks) -> NextClock[Clock] | None:
    """The clock that matters next for the job (see the module); None when none runs."""
    if job.status in FINAL:
        return None
    if job.status == "offered" and job.offer_expires_at is not None:
        return NextClock("accept", job.offer_expires_at)
    if job.paused:
        return None
    if job.status in TO_BOOK and job.respond_by is not None:
        return NextClock("respond", job.respond_by)
    if job.status in TO_ARRIVE and job.appointment_end is not None:
        return NextClock("arrival", job.appointment_end)
    if job.complete_by is not None:
        return NextClock("completion", job.complete_by)
    return None


def bucket(job: JobClocks, now: datetime) -> str:
    """The board's bucket of an open job: its next clock's (``accept_due``, ...) or
    ``breached`` once that clock's due time has passed; else ``paused`` or ``no_clock``."""
    return board.bucket(next_clock(job), paused=job.paused, now=now)


def moved_on(
    respond_by: datetime | None,
    complete_by: datetime | None,
    *,
    paused_at: datetime,
    resumed_at: datetime,
) -> tuple[datetime | None, datetime | None]:
    """The booking due and the deadline to finish after a pause: later by the time paused. A
    booking due already past when the pause began stays (its clock had run out, and a timer
    that has fired is not paused)."""
    paused = max(resumed_at - paused_at, timedelta(0))
    if respond_by is not None and respond_by > paused_at:
        respond_by += paused
    if complete_by is not None:
        complete_by += paused
    return respond_by, complete_by
