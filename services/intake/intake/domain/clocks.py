"""A ticket's clocks: the answer due (``respond_by``), the work due (``complete_by``), and pauses.

Exactly one clock watches a ticket's answer, chosen by its kind:

- a visit ticket is answered when dispatch books the appointment (dispatch's ``respond`` SLA);
- a complaint is answered by the complaint's reply (feedback's 24 h clock);
- a parts order is answered by its priced charge (billing prices it on arrival);
- any other ticket is answered here, by ``POST /v1/tickets/{id}/respond``.

A pause stops every clock of the ticket; resuming moves each due time on by exactly the time
paused, so a clock continues where it stopped rather than running through the pause or starting
again. A clock is met when its event happens *at or before* the due time, and breached once the
due time has passed with the ticket running (not paused, not ended).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, get_args

from aftersales.errors import Conflict
from intake.domain.tickets import needs_visit

RespondClock = Literal["dispatch", "feedback", "intake", "billing"]
# The reasons a caller pauses a ticket for. ``awaiting_sample`` is not one of them: a sample test
# opens with it and only its sample's arrival lifts it (intake.domain.samples).
PauseReason = Literal["awaiting_customer", "awaiting_parts", "other"]
PAUSE_REASONS: tuple[str, ...] = get_args(PauseReason)
AWAITING_SAMPLE = "awaiting_sample"

# Statuses in which the work is done, whatever comes after (a callback, a closure).
WORK_DONE = frozenset({"completed", "closed", "cancelled", "resolved_remotely"})
ENDED = frozenset({"closed", "cancelled", "resolved_remotely"})


def respond_clock(kind: str) -> RespondClock:
    if needs_visit(kind):
        return "dispatch"
    if kind == "complaint":
        return "feedback"
    if kind == "parts_order":
        return "billing"
    return "intake"


def complete_by(
    kind: str, opened_at: datetime, within_hours: Mapping[str, float]
) -> datetime | None:
    """The deadline to finish, when one is configured for the kind (None: no deadline)."""
    hours = within_hours.get(kind)
    return None if hours is None else opened_at + timedelta(hours=hours)


def is_breached(due: datetime | None, now: datetime, *, paused: bool) -> bool:
    return due is not None and not paused and now > due


def resumed(due: datetime | None, paused_at: datetime, now: datetime) -> datetime | None:
    """The due time after a pause from ``paused_at`` until ``now``: moved on by the pause."""
    if due is None:
        return None
    return due + max(now - paused_at, timedelta(0))


@dataclass(frozen=True)
class PauseState:
    status: str
    paused_at: datetime | None
    reason: str | None = None


def check_can_pause(state: PauseState) -> None:
    if state.status in ENDED:
        raise Conflict(
            f"The ticket is {state.status}; its clocks have stopped for good.",
            ticket_status=state.status,
        )
    if state.paused_at is not None:
        raise Conflict(
            f"The ticket is paused already (since {state.paused_at.isoformat()}).",
            paused_at=state.paused_at.isoformat(),
        )


def check_can_resume(state: PauseState) -> None:
    if state.paused_at is None:
        raise Conflict("The ticket is not paused.")
    if state.reason == AWAITING_SAMPLE:
        raise Conflict(
            "The ticket waits for the customer's sample: its clocks run from the sample's "
            "arrival (POST /v1/tickets/{id}/sample-received).",
            pause_reason=AWAITING_SAMPLE,
        )


def check_can_respond(kind: str, status: str, responded: bool) -> None:
    clock = respond_clock(kind)
    if clock == "dispatch":
        raise Conflict(
            f"A {kind} ticket is answered by booking its visit; dispatch's clock watches it.",
            respond_clock=clock,
        )
    if clock == "feedback":
        raise Conflict(
            "A complaint is answered by the complaint's reply (POST /v1/complaints/{id}/reply).",
            respond_clock=clock,
        )
    if clock == "billing":
        raise Conflict(
            "A parts order is answered by its priced charge, which billing issues on arrival.",
            respond_clock=clock,
        )
    if status in ENDED:
        raise Conflict(f"The ticket is {status} already.", ticket_status=status)
    if responded:
        raise Conflict("The ticket has been answered already.")
