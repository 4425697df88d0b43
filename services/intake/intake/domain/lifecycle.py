"""The ticket's lifecycle as the other services report it, safe against reordering.

A ticket moves ``open → dispatched → scheduled → in_progress → completed → closed``; an unhappy
callback sends it to ``reopened`` and a rework job starts the cycle again. Events may arrive
twice or out of order, so every rule here only ever moves a ticket *forward*:

- a job event moves the ticket only if it concerns the ticket's current job, or a job never
  seen before while the ticket waits for one (``open``/``reopened``);
- within the current job, a status applies only if it ranks above the present one;
- ``closed``, ``cancelled`` and ``resolved_remotely`` are final;
- a callback on the current job closes (``satisfied``) or reopens (anything else) the ticket,
  even if it overtook the job's completion; a callback about an older job changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from aftersales.errors import Conflict

FINAL = frozenset({"closed", "cancelled", "resolved_remotely"})
WAITING_FOR_JOB = frozenset({"open", "reopened"})
RANK = {
    "open": 0,
    "dispatched": 1,
    "scheduled": 2,
    "in_progress": 3,
    "completed": 4,
    "reopened": 5,
    "closed": 6,
}
# What a job's status means for its ticket.
JOB_TO_TICKET = {
    "unrouted": "open",
    "offered": "dispatched",
    "accepted": "dispatched",
    "scheduled": "scheduled",
    "en_route": "in_progress",
    "on_site": "in_progress",
    "awaiting_parts": "in_progress",
    "in_workshop": "in_progress",
    "repaired": "in_progress",
    "inspected": "in_progress",
    "completed": "completed",
}
# Until the technician leaves, a ticket can still be cancelled or solved on the phone.
BEFORE_DEPARTURE = frozenset({"open", "dispatched", "scheduled", "reopened"})


@dataclass(frozen=True)
class TicketState:
    status: str
    current_job_id: uuid.UUID | None = None
    known_jobs: frozenset[uuid.UUID] = frozenset()

    @property
    def final(self) -> bool:
        return self.status in FINAL


def apply_job_status(state: TicketState, job_id: uuid.UUID, job_status: str) -> TicketState:
    """The ticket after a job reports ``job_status``; the same state when nothing may move."""
    target = JOB_TO_TICKET.get(job_status)
    if state.final or target is None:
        return state
    if job_id != state.current_job_id:
        if state.status not in WAITING_FOR_JOB or job_id in state.known_jobs:
            return state  # a late event of a job the ticket has left behind
        return TicketState(target, job_id, state.known_jobs | {job_id})
    if RANK[target] > RANK[state.status]:
        return replace(state, status=target)
    return state


def apply_callback(state: TicketState, job_id: uuid.UUID, outcome: str) -> TicketState:
    if state.final or job_id != state.current_job_id or state.status == "reopened":
        return state
    return replace(state, status="closed" if outcome == "satisfied" else "reopened")


def check_can_stop(status: str, action: str) -> None:
    """Cancel and remote resolution are allowed only until the technician is on the way."""
    if status in FINAL:
        raise Conflict(
            f"The ticket is {status} already; it cannot be {action}.", ticket_status=status
        )
    if status not in BEFORE_DEPARTURE:
        raise Conflict(
            f"A technician is on the way or at work (ticket {status}); it cannot be {action} now.",
            ticket_status=status,
        )


def check_can_agree_window(kind: str, status: str, *, visit: bool) -> None:
    """A visit's slot is agreed with the customer until the technician leaves; an ended ticket,
    or one that needs no visit, has none to agree."""
    if not visit:
        raise Conflict(f"A {kind} ticket needs no visit; there is no slot to agree.")
    if status in FINAL:
        raise Conflict(f"The ticket is {status}; no visit is coming.", ticket_status=status)
    if status not in BEFORE_DEPARTURE:
        raise Conflict(
            f"A technician is on the way or at work (ticket {status}); the slot is past agreeing.",
            ticket_status=status,
        )


def check_order_can_stop(kind: str, action: str, *, paid: bool) -> None:
    """A parts order is not solved on the phone; it may be cancelled until it is paid (after
    that the warehouse owes the customer the parts, and a refund is finance's)."""
    if kind != "parts_order":
        return
    if action != "cancelled":
        raise Conflict(f"A parts order cannot be {action}; it ends when it is delivered.")
    if paid:
        raise Conflict("The parts order is paid; the warehouse ships it now.", charge_status="paid")
