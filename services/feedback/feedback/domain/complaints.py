"""Complaints (投诉): answered within 24 hours, resolved within a month (docs/domain.md).

A complaint is about the people who served its ticket: a point or technician that was offered,
assigned or did one of the ticket's jobs (its *parties*). A CRM names only those. The centre
may attribute a complaint to anyone else, saying why (``attribution_reason``, audited): a
technician the point sent under another's name, say. Feedback itself attributes a complaint
only to parties (the callback's job, the latest visit).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from aftersales.errors import Conflict, Unprocessable

# Who attributes a complaint: feedback itself (from a callback or a ticket), a CRM, the centre.
Attributor = Literal["feedback", "crm", "centre"]
# What a complaint is about (clause 15): words, behaviour, attitude and manner are ``conduct``,
# the only category whose substantiated complaint is a strike on the person named; the others
# count against the point's grade only.
ComplaintCategory = Literal["conduct", "quality", "delay", "other"]
STRIKING_CATEGORY = "conduct"


def is_strike(*, substantiated: bool, category: str, staff_id: uuid.UUID | None) -> bool:
    """Only a substantiated conduct complaint naming a staff member is a strike on them."""
    return substantiated and category == STRIKING_CATEGORY and staff_id is not None


@dataclass(frozen=True)
class Person:
    """Whom a complaint is about: a staff member of the register (``staff_id``, any role) and,
    when that member is a technician, the same id as ``technician_id``."""

    staff_id: uuid.UUID | None
    technician_id: uuid.UUID | None
    role: str | None


def person_named(
    *,
    staff_id: uuid.UUID | None,
    technician_id: uuid.UUID | None,
    registered_role: str | None,
    by: Attributor,
) -> Person:
    """Who ``staff_id`` / ``technician_id`` name together. ``registered_role`` is the role the
    register has for ``staff_id`` (None: not in the register, a 422). A technician named by
    ``technician_id`` alone is its own staff id (the register projects technicians from
    dispatch). One person per complaint: naming a staff member and a different technician is
    a 422; so is a CRM naming anyone but a technician (it knows only whom it sent)."""
    if staff_id is None:
        role = "technician" if technician_id is not None else None
        return Person(technician_id, technician_id, role)
    if registered_role is None:
        raise Unprocessable(
            f"Staff member {staff_id} is not in the register (POST /v1/staff): a complaint "
            "names only a registered service person.",
            staff_id=str(staff_id),
        )
    if registered_role == "technician":
        if technician_id is not None and technician_id != staff_id:
            raise Unprocessable(
                "staff_id and technician_id name two different technicians: a complaint is "
                "about one person."
            )
        return Person(staff_id, staff_id, "technician")
    if technician_id is not None:
        raise Unprocessable(
            f"staff_id names a staff member ({registered_role}) and technician_id a "
            "technician: a complaint is about one person."
        )
    if by == "crm":
        raise Unprocessable(
            "A CRM names only the point or technician who served the ticket; the centre's "
            "own staff are named by the centre."
        )
    return Person(staff_id, None, registered_role)


@dataclass(frozen=True)
class Deadlines:
    reply_by: datetime
    resolve_by: datetime


def deadlines(
    opened_at: datetime, *, reply_within: timedelta, resolve_within: timedelta
) -> Deadlines:
    return Deadlines(opened_at + reply_within, opened_at + resolve_within)


def check_can_reply(status: str) -> None:
    if status != "open":
        raise Conflict(
            f"The complaint is {status}; it has been answered already.", complaint_status=status
        )


def check_can_resolve(status: str) -> None:
    if status == "resolved":
        raise Conflict("The complaint is resolved already.", complaint_status=status)


def overdue(due: datetime, done_at: datetime | None, now: datetime) -> bool:
    """Missed: not done by the deadline (done late counts as missed too)."""
    return (done_at or now) > due


def check_attribution(
    strangers: Sequence[tuple[str, uuid.UUID]],
    *,
    ticket_id: uuid.UUID,
    reason: str | None,
    by: Attributor,
) -> None:
    """``strangers``: those named (kind, id) that are no party of the ticket. A CRM may name
    parties only and gives no reason; the centre names anyone else only with a reason. The
    refusal names only whom the caller named, never who the parties are."""
    if by == "crm" and reason is not None:
        raise Unprocessable(
            "attribution_reason: only the centre attributes a complaint to someone who did not "
            "serve the ticket."
        )
    if not strangers or by == "feedback":
        return
    named = " and ".join(f"{kind} {party}" for kind, party in strangers)
    was = "were" if len(strangers) > 1 else "was"
    if by == "crm":
        raise Unprocessable(
            f"The {named} {was} not offered, assigned or sent to any job of ticket {ticket_id} "
            "(as far as feedback knows yet): a complaint names only who served the ticket, or "
            "nobody (it is then about the ticket's latest visit).",
            ticket_id=str(ticket_id),
        )
    if not reason or not reason.strip():
        raise Unprocessable(
            f"The {named} did not serve ticket {ticket_id}: say why the complaint is about "
            "them (attribution_reason).",
            ticket_id=str(ticket_id),
        )
