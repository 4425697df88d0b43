"""The supervisor's board: which clock of an open ticket matters next, its bucket, and what a
search by name may be.

**The next clock** of a ticket, the first of these that runs (``intake.adapters.board`` says
the same in SQL, for the order ``sort=next_due`` and the counts):

- none while the ticket is paused, or once its work is done (``completed``: it waits for the
  callback, which is feedback's clock) or it ended;
- ``answer``: not yet answered (``sla.responded_at`` null), due ``sla.respond_by`` (a visit is
  answered by booking it, a complaint by its reply, a parts order by its priced charge, any
  other ticket by ``POST /v1/tickets/{id}/respond``);
- ``arrival``: the visit is booked (status ``scheduled``), due the end of the booked
  appointment (``assignment.appointment.end``); once the technician sets off the ticket is
  ``in_progress`` and the arrival is dispatch's to watch;
- ``completion``: the kind has a deadline to finish (``sla.complete_by``) and, for a business
  customer's duty, its checklist is not done;
- else none.

What is common to every board (the buckets, region filters) is ``aftersales.board``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from aftersales import board
from aftersales.board import NextClock, region_prefix
from aftersales.errors import Unprocessable
from intake.domain.clocks import WORK_DONE

__all__ = ["NextClock", "region_prefix"]

Clock = Literal["answer", "arrival", "completion"]
CLOCKS: tuple[Clock, ...] = get_args(Clock)
# The statuses of a ticket that has not ended, in the order of its life.
OPEN_STATUSES = ("open", "dispatched", "scheduled", "in_progress", "completed", "reopened")
# The board's clock buckets: every open ticket is in exactly one.
BUCKETS = board.buckets(CLOCKS)
MIN_NAME_QUERY = 2


@dataclass(frozen=True)
class ClockState:
    """What the next clock is decided by: a ticket's status and its clocks' fields."""

    status: str
    paused: bool
    responded: bool
    respond_by: datetime
    appointment_end: datetime | None
    complete_by: datetime | None
    checklist_done: bool


def next_clock(state: ClockState) -> NextClock[Clock] | None:
    """The clock that matters next for the ticket (see the module); None when none runs."""
    if state.paused or state.status in WORK_DONE:
        return None
    if not state.responded:
        return NextClock("answer", state.respond_by)
    if state.status == "scheduled" and state.appointment_end is not None:
        return NextClock("arrival", state.appointment_end)
    if state.complete_by is not None and not state.checklist_done:
        return NextClock("completion", state.complete_by)
    return None


def bucket(state: ClockState, now: datetime) -> str:
    """The board's bucket of an open ticket: paused, breached (its next clock's due time has
    passed), the clock that is next (``answer_due``, ...), or ``no_clock``."""
    return board.bucket(next_clock(state), paused=state.paused, now=now)


def name_query(text: str) -> str:
    """A search by name: the text, trimmed, of at least two characters."""
    query = text.strip()
    if len(query) < MIN_NAME_QUERY:
        raise Unprocessable(
            f"name must hold at least {MIN_NAME_QUERY} characters (besides spaces).", name=text
        )
    return query


def like_escaped(text: str) -> str:
    r"""``text`` for a LIKE pattern with ``\`` as the escape: its ``%`` and ``_`` are literal."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
