"""A job's life: offered to a point, accepted, scheduled, then what the technician reports.

``unrouted → offered → accepted → scheduled → en_route → on_site`` and then either
``resolved_on_site → completed`` or the workshop path
``taken_to_workshop → in_workshop → repaired → inspected → returned → completed``.
On site, ``awaiting_parts`` stops the job until its requisition is received; it is then
``accepted`` again and booked anew (the same visit).
Anything not listed here is an illegal transition (409).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from aftersales.errors import Conflict, Forbidden, Unprocessable

__all__ = ["REPORTS", "JobStatus", "Report", "ReportRule"]

JobStatus = Literal[
    "unrouted",
    "offered",
    "accepted",
    "scheduled",
    "en_route",
    "on_site",
    "awaiting_parts",
    "in_workshop",
    "repaired",
    "inspected",
    "completed",
    "cancelled",
]

Report = Literal[
    "en_route",
    "on_site",
    "awaiting_parts",
    "resolved_on_site",
    "taken_to_workshop",
    "repaired",
    "inspected",
    "returned",
]
FINAL: frozenset[str] = frozenset({"completed", "cancelled"})
# Until the technician leaves, a job may still be re-offered, rescheduled or cancelled quietly.
BEFORE_DEPARTURE: frozenset[str] = frozenset({"unrouted", "offered", "accepted", "scheduled"})
# Jobs that hold a slot of their point's daily capacity.
BOOKED: frozenset[str] = frozenset(
    {
        "offered",
        "accepted",
        "scheduled",
        "en_route",
        "on_site",
        "in_workshop",
        "repaired",
        "inspected",
        "completed",
    }
)


# Who signs off the inspection of a repaired product (the document's clause 12: the
# supervisor, 主任): the point itself (its office's token) or an admin. Not the technician who
# repaired it, nor an agent of the centre.
INSPECTORS: frozenset[str] = frozenset({"point", "admin"})


@dataclass(frozen=True)
class ReportRule:
    source: str
    target: str
    needs_signature: bool = False
    # Only these roles may make the report (None: anyone who may report on the job).
    only: frozenset[str] | None = None


REPORTS: dict[str, ReportRule] = {
    "en_route": ReportRule("scheduled", "en_route"),
    "on_site": ReportRule("en_route", "on_site"),
    # The technician found a part is needed: an urgent requisition, the ticket's clocks paused.
    "awaiting_parts": ReportRule("on_site", "awaiting_parts"),
    "resolved_on_site": ReportRule("on_site", "completed", needs_signature=True),
    # The customer signs the product over to the workshop (the receipt), as on its return.
    "taken_to_workshop": ReportRule("on_site", "in_workshop", needs_signature=True),
    "repaired": ReportRule("in_workshop", "repaired"),
    "inspected": ReportRule("repaired", "inspected", only=INSPECTORS),
    "returned": ReportRule("inspected", "completed", needs_signature=True),
}


class IllegalTransition(Conflict):
    type_slug, title = "illegal-transition", "Illegal job transition"


def _illegal(status: str, action: str, allowed_from: str) -> IllegalTransition:
    return IllegalTransition(
        f"A job that is {status} cannot be {action}; only a job that is {allowed_from} can.",
        job_status=status,
    )


def check_can_decide_offer(status: str, action: str) -> None:
    if status != "offered":
        raise _illegal(status, action, "offered")


def check_can_assign(status: str) -> bool:
    """True when this is a reschedule (the job already had an appointment)."""
    if status not in ("accepted", "scheduled"):
        raise _illegal(status, "scheduled", "accepted or scheduled")
    return status == "scheduled"


def check_can_route_by_hand(status: str) -> None:
    if status not in ("unrouted", "offered"):
        raise _illegal(status, "routed by hand", "unrouted or offered")


def check_reporter(report: str, role: str) -> ReportRule:
    """A 403 for a role that may never make ``report``, whatever the job's state."""
    rule = REPORTS[report]
    if rule.only is not None and role not in rule.only:
        raise Forbidden(
            "The inspection is signed off by the point's supervisor (the point's own token) "
            f"or an admin; a {role} cannot report it.",
            role=role,
        )
    return rule


def check_report(status: str, report: str, *, role: str, signed: bool) -> ReportRule:
    """The rule of ``report`` made by a caller of ``role`` on a job that is ``status``: a 403
    for a role that may not make it (whatever the job's status), a 409 from the wrong status."""
    rule = check_reporter(report, role)
    if status != rule.source:
        raise _illegal(status, f"reported {report}", rule.source)
    if rule.needs_signature and not signed:
        raise Unprocessable(f"Reporting {report} needs the customer's signature.")
    return rule


def check_report_time(
    at: datetime,
    *,
    offered_at: datetime,
    last_at: datetime | None,
    now: datetime,
    max_skew: timedelta,
) -> None:
    """Reports may arrive late (an offline phone) but not from the future, nor from before the
    job was offered to its point, nor out of order."""
    if at > now + max_skew:
        raise Unprocessable("The report's time 'at' lies in the future.", at=at.isoformat())
    if at < offered_at:
        raise Unprocessable(
            "The report's time 'at' is before the job was offered to its network point.",
            offered_at=offered_at.isoformat(),
        )
    if last_at is not None and at < last_at:
        raise Unprocessable(
            "The report's time 'at' is earlier than the job's previous report.",
            previous_at=last_at.isoformat(),
        )


def reported_late_by(at: datetime | None, received_at: datetime | None) -> timedelta:
    """How long after its ``at`` a report reached dispatch."""
    if at is None or received_at is None:
        return timedelta(0)
    return max(received_at - at, timedelta(0))


def minutes_late(appointment_end: datetime | None, arrived_at: datetime | None) -> int:
    """Whole minutes (rounded up) the technician arrived after the appointment window closed."""
    if appointment_end is None or arrived_at is None or arrived_at <= appointment_end:
        return 0
    return math.ceil((arrived_at - appointment_end).total_seconds() / 60)


def routing_category(category: str | None, product_category: str | None) -> str:
    """What a job is routed and a technician chosen by: the ticket's category, else its
    product's. A ticket with neither cannot be routed (a producer's error: dead-lettered for an
    operator)."""
    chosen = category or product_category
    if not chosen:
        raise Unprocessable("The ticket names neither a product nor a category to route by.")
    return chosen
