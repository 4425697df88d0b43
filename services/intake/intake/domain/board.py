"""The supervisor's board: which clock of an open ticket matters next, how a region filter is
read, and what a search by name may be.

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

**Regions** are the administrative codes (GB/T 2260) of the ticket's site: two digits name a
province, four a city, six a district, and a six-digit code that ends in ``00`` or ``0000`` is
the city or the province itself. A filter matches every code under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from aftersales.errors import Unprocessable
from intake.domain.clocks import WORK_DONE

Clock = Literal["answer", "arrival", "completion"]
CLOCKS: tuple[Clock, ...] = ("answer", "arrival", "completion")
# The statuses of a ticket that has not ended, in the order of its life.
OPEN_STATUSES = ("open", "dispatched", "scheduled", "in_progress", "completed", "reopened")
# The board's clock buckets: every open ticket is in exactly one.
BUCKETS = ("answer_due", "arrival_due", "completion_due", "breached", "paused", "no_clock")
MIN_NAME_QUERY = 2
_REGION = re.compile(r"^\d{2}(\d{2}(\d{2})?)?$")


@dataclass(frozen=True)
class NextClock:
    clock: Clock
    due: datetime


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


def next_clock(state: ClockState) -> NextClock | None:
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
    if state.paused:
        return "paused"
    upcoming = next_clock(state)
    if upcoming is None:
        return "no_clock"
    return "breached" if upcoming.due < now else f"{upcoming.clock}_due"


def region_prefix(code: str) -> str:
    """The prefix a region filter matches: ``31`` (a province), ``3101`` (a city), ``310115``
    (a district); ``310000`` is ``31`` and ``310100`` is ``3101``, as the codes say."""
    if not _REGION.match(code):
        raise Unprocessable(
            "region is an administrative region code: 2 digits (a province), 4 (a city) or 6 "
            "(a district).",
            region=code,
        )
    if len(code) == 6 and code.endswith("0000"):
        return code[:2]
    if len(code) == 6 and code.endswith("00"):
        return code[:4]
    return code


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
